package rhoscope.indexer.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The H2 catalog of one shard, in embedded file mode: processes with their source, features and
 * warnings, and the verdict cache. The schema carries a version and is migrated forward on open.
 *
 * <p>Rows carry an ingest status so that the catalog and the Lucene index can be brought back into
 * agreement after a crash: a row is written {@link Status#PENDING} before its Lucene document and
 * marked {@link Status#DONE} after the Lucene commit; a removal marks the row {@link
 * Status#REMOVING} first. Access is serialised on one connection: the catalog is small next to
 * model checking, and H2's embedded mode gains little from concurrent writers.
 */
public final class Catalog implements AutoCloseable {

  /** Where a row is in the two-store write protocol. */
  public enum Status {
    PENDING,
    DONE,
    REMOVING
  }

  /** An identity's current row: enough to decide whether a file changed. */
  public record PathEntry(long id, String fingerprint, Status status) {}

  private final Connection connection;
  private final Path file;

  private Catalog(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Opens (creating if needed) the catalog in {@code dir}, migrating its schema forward. */
  public static Catalog open(Path dir) {
    return open(dir, Migrations.latest());
  }

  /** Opens with the schema migrated only up to {@code version}; for migration tests. */
  static Catalog open(Path dir, int version) {
    Path file = dir.toAbsolutePath().resolve("catalog");
    try {
      Files.createDirectories(dir);
      Connection c =
          DriverManager.getConnection("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
      Catalog catalog = new Catalog(c, file);
      catalog.migrate(version);
      return catalog;
    } catch (SQLException | java.io.IOException e) {
      throw new CatalogException("cannot open catalog " + file + ".mv.db: " + e.getMessage(), e);
    }
  }

  /** The schema version of the open database. */
  public synchronized int schemaVersion() {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw fail("read schema version", e);
    }
  }

  private void migrate(int target) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
    }
    int current = schemaVersion();
    if (current > Migrations.latest()) {
      throw new CatalogException(
          "catalog "
              + file
              + ".mv.db has schema version "
              + current
              + ", newer than this rhoscope understands (expected="
              + Migrations.latest()
              + ")");
    }
    connection.setAutoCommit(false);
    try {
      for (int v = current; v < target; v++) {
        try (Statement s = connection.createStatement()) {
          for (String sql : Migrations.STEPS.get(v)) {
            s.execute(sql);
          }
          s.execute("DELETE FROM schema_version");
          s.execute("INSERT INTO schema_version VALUES (" + (v + 1) + ")");
        }
        connection.commit();
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** The row stored for an identity (path, dataset, import options), if any. */
  public synchronized Optional<PathEntry> byIdentity(ProcessIdentity identity) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, fingerprint, status FROM processes"
                + " WHERE path = ? AND dataset = ? AND semantics = ?")) {
      ps.setString(1, identity.path());
      ps.setString(2, identity.dataset());
      ps.setString(3, identity.semantics());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new PathEntry(rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3))))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail("look up " + identity.path(), e);
    }
  }

  /**
   * Writes a process as {@link Status#PENDING}, replacing the row of the same {@link
   * ProcessIdentity} (keeping its id) together with its warnings and features, in one transaction.
   * Returns the id.
   */
  public synchronized long putPending(ProcessRecord r) {
    try {
      connection.setAutoCommit(false);
      Optional<PathEntry> old = byIdentity(r.identity());
      long id;
      if (old.isPresent()) {
        id = old.get().id();
        try (PreparedStatement ps =
            connection.prepareStatement(
                "UPDATE processes SET name=?, dataset=?, format=?, semantics=?, source=?,"
                    + " fingerprint=?, ingested_at=?, status=? WHERE id=?")) {
          bindProcess(ps, r);
          ps.setLong(9, id);
          ps.executeUpdate();
        }
        for (String table : List.of("warnings", "features", "feature_values", "channels")) {
          try (PreparedStatement ps =
              connection.prepareStatement("DELETE FROM " + table + " WHERE process_id=?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
        }
      } else {
        try (PreparedStatement ps =
            connection.prepareStatement(
                "INSERT INTO processes (name, dataset, format, semantics, source, fingerprint,"
                    + " ingested_at, status, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
          bindProcess(ps, r);
          ps.setString(9, r.path());
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
        }
      }
      writeWarnings(id, r.warnings());
      FeatureRows.write(connection, id, r.features());
      connection.commit();
      return id;
    } catch (SQLException e) {
      rollback();
      throw fail("store " + r.path(), e);
    } finally {
      autoCommit();
    }
  }

  private static void bindProcess(PreparedStatement ps, ProcessRecord r) throws SQLException {
    ps.setString(1, r.name());
    ps.setString(2, r.dataset());
    ps.setString(3, r.format().name());
    ps.setString(4, r.semantics());
    ps.setString(5, r.source());
    ps.setString(6, r.fingerprint());
    ps.setTimestamp(7, Timestamp.from(r.ingestedAt()));
    ps.setString(8, Status.PENDING.name());
  }

  private void writeWarnings(long id, List<String> warnings) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO warnings (process_id, seq, message) VALUES (?, ?, ?)")) {
      for (int i = 0; i < warnings.size(); i++) {
        ps.setLong(1, id);
        ps.setInt(2, i);
        ps.setString(3, truncate(warnings.get(i)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Sets the status of the given rows. */
  public synchronized void setStatus(Collection<Long> ids, Status status) {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE processes SET status=? WHERE id=?")) {
      for (long id : ids) {
        ps.setString(1, status.name());
        ps.setLong(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw fail("set status " + status, e);
    }
  }

  /** Deletes a row with its warnings and features (the verdict cache is keyed by content). */
  public synchronized void delete(long id) {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM processes WHERE id=?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw fail("delete process " + id, e);
    }
  }

  /** Ids of rows in the given status. */
  public synchronized List<Long> idsWithStatus(Status status) {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT id FROM processes WHERE status=? ORDER BY id")) {
      ps.setString(1, status.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail("list " + status + " rows", e);
    }
  }

  /** Fingerprint of every row, by id. */
  public synchronized Map<Long, String> fingerprints() {
    Map<Long, String> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, fingerprint FROM processes ORDER BY id")) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getString(2));
      }
      return out;
    } catch (SQLException e) {
      throw fail("list fingerprints", e);
    }
  }

  /** A stored process with its warnings and features. */
  public synchronized Optional<ProcessRecord> get(long id) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT path, name, dataset, format, semantics, source, fingerprint, ingested_at"
                + " FROM processes WHERE id=?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ProcessRecord(
                id,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                ProcessFormat.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                readWarnings(id),
                FeatureRows.read(connection, id)));
      }
    } catch (SQLException e) {
      throw fail("read process " + id, e);
    }
  }

  private List<String> readWarnings(long id) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT message FROM warnings WHERE process_id=? ORDER BY seq")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Every stored process in id order, without sources and features. */
  public synchronized List<ProcessSummary> list() {
    List<ProcessSummary> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT p.id, p.name, p.dataset, p.format, p.semantics, p.path, p.fingerprint,"
                    + " COALESCE(f.state_count, 0), COALESCE(f.complete, FALSE), p.ingested_at"
                    + " FROM processes p LEFT JOIN features f ON f.process_id = p.id"
                    + " WHERE p.status <> 'REMOVING' ORDER BY p.id")) {
      while (rs.next()) {
        out.add(
            new ProcessSummary(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                ProcessFormat.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getBoolean(9),
                rs.getTimestamp(10).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw fail("list processes", e);
    }
  }

  /** The cached verdict for a process fingerprint and a normalised type, if any. */
  public synchronized Optional<CachedVerdict> verdict(String fingerprint, String typeKey) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT verdict, reason, witness, millis FROM verdicts"
                + " WHERE fingerprint=? AND type_hash=?")) {
      ps.setString(1, fingerprint);
      ps.setString(2, sha256(typeKey));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new CachedVerdict(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail("read verdict cache", e);
    }
  }

  /** Stores (or replaces) a verdict in the cache. */
  public synchronized void putVerdict(String fingerprint, String typeKey, CachedVerdict v) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "MERGE INTO verdicts (fingerprint, type_hash, type_key, verdict, reason, witness,"
                + " millis, checked_at) KEY (fingerprint, type_hash) VALUES (?, ?, ?, ?, ?, ?, ?,"
                + " ?)")) {
      ps.setString(1, fingerprint);
      ps.setString(2, sha256(typeKey));
      ps.setString(3, typeKey);
      ps.setString(4, v.verdict());
      ps.setString(5, truncate(v.reason()));
      ps.setString(6, v.witness());
      ps.setLong(7, v.millis());
      ps.setTimestamp(8, Timestamp.from(Instant.now()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw fail("write verdict cache", e);
    }
  }

  /** Empties the verdict cache (for benchmarks that measure cold queries). */
  public synchronized void clearVerdicts() {
    try (Statement s = connection.createStatement()) {
      s.execute("DELETE FROM verdicts");
    } catch (SQLException e) {
      throw fail("clear verdict cache", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw fail("close", e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  static String truncate(String s) {
    return s.length() <= 4096 ? s : s.substring(0, 4093) + "...";
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      throw fail("roll back", e);
    }
  }

  private void autoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw fail("restore auto-commit", e);
    }
  }

  private CatalogException fail(String what, SQLException e) {
    return new CatalogException(
        "catalog " + file + ".mv.db: cannot " + what + ": " + e.getMessage(), e);
  }
}
