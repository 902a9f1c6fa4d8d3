package rhoscope.indexer.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import rhoscope.engine.EngineSemantics;

/**
 * The processes of one shard's catalog: their source, features and warnings, each row tagged with
 * the engine semantics version its features were derived under.
 *
 * <p>Rows carry an ingest status so that the catalog and the Lucene index can be brought back into
 * agreement after a crash: a row is written {@link Status#PENDING} before its Lucene document and
 * marked {@link Status#DONE} after the Lucene commit; a removal marks the row {@link
 * Status#REMOVING} first.
 */
public final class ProcessStore {

  /** Where a row is in the two-store write protocol. */
  public enum Status {
    PENDING,
    DONE,
    REMOVING
  }

  /**
   * An identity's current row: enough to decide whether a file changed, and whether its features
   * were derived under the engine semantics now running.
   */
  public record PathEntry(long id, String fingerprint, int semanticsVersion, Status status) {}

  private final CatalogFile db;
  private final int semanticsVersion;

  /** The store of {@code db}, deriving under the running engine's semantics. */
  public ProcessStore(CatalogFile db) {
    this(db, EngineSemantics.VERSION);
  }

  /** The store of {@code db}, tagging what it writes with {@code semanticsVersion}; for tests. */
  ProcessStore(CatalogFile db, int semanticsVersion) {
    this.db = db;
    this.semanticsVersion = semanticsVersion;
  }

  /** The row stored for an identity (path, dataset, import options), if any. */
  public Optional<PathEntry> byIdentity(ProcessIdentity identity) {
    return db.read("look up " + identity.path(), c -> byIdentity(c, identity));
  }

  private static Optional<PathEntry> byIdentity(Connection c, ProcessIdentity identity)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, fingerprint, semantics_version, status FROM processes"
                + " WHERE path = ? AND dataset = ? AND semantics = ?")) {
      ps.setString(1, identity.path());
      ps.setString(2, identity.dataset());
      ps.setString(3, identity.semantics());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new PathEntry(
                    rs.getLong(1), rs.getString(2), rs.getInt(3), Status.valueOf(rs.getString(4))))
            : Optional.empty();
      }
    }
  }

  /**
   * Writes a process as {@link Status#PENDING}, derived under this store's semantics version,
   * replacing the row of the same {@link ProcessIdentity} (keeping its id) together with its
   * warnings and features, in one transaction. Returns the id.
   */
  public long putPending(ProcessRecord r) {
    return db.transaction("store " + r.path(), c -> putPending(c, r));
  }

  private long putPending(Connection c, ProcessRecord r) throws SQLException {
    Optional<PathEntry> old = byIdentity(c, r.identity());
    if (old.isPresent()) {
      long id = old.get().id();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE processes SET name=?, dataset=?, format=?, semantics=?, source=?,"
                  + " fingerprint=?, ingested_at=?, status=?, semantics_version=? WHERE id=?")) {
        bindProcess(ps, r);
        ps.setLong(10, id);
        ps.executeUpdate();
      }
      for (String table : List.of("warnings", "features", "feature_values", "channels")) {
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM " + table + " WHERE process_id=?")) {
          ps.setLong(1, id);
          ps.executeUpdate();
        }
      }
      writeDerived(c, id, r);
      return id;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO processes (name, dataset, format, semantics, source, fingerprint,"
                + " ingested_at, status, semantics_version, path)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      bindProcess(ps, r);
      ps.setString(10, r.path());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        writeDerived(c, id, r);
        return id;
      }
    }
  }

  private void bindProcess(PreparedStatement ps, ProcessRecord r) throws SQLException {
    ps.setString(1, r.name());
    ps.setString(2, r.dataset());
    ps.setString(3, r.format().name());
    ps.setString(4, r.semantics());
    ps.setString(5, r.source());
    ps.setString(6, r.fingerprint());
    ps.setTimestamp(7, Timestamp.from(r.ingestedAt()));
    ps.setString(8, Status.PENDING.name());
    ps.setInt(9, semanticsVersion);
  }

  private static void writeDerived(Connection c, long id, ProcessRecord r) throws SQLException {
    List<String> warnings = r.warnings();
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO warnings (process_id, seq, message) VALUES (?, ?, ?)")) {
      for (int i = 0; i < warnings.size(); i++) {
        ps.setLong(1, id);
        ps.setInt(2, i);
        ps.setString(3, CatalogFile.truncate(warnings.get(i)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    FeatureRows.write(c, id, r.features());
  }

  /** Sets the status of the given rows. */
  public void setStatus(Collection<Long> ids, Status status) {
    db.read(
        "set status " + status,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE processes SET status=? WHERE id=?")) {
            for (long id : ids) {
              ps.setString(1, status.name());
              ps.setLong(2, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** Deletes a row with its warnings and features (the verdict cache is keyed by content). */
  public void delete(long id) {
    db.read(
        "delete process " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM processes WHERE id=?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Ids of rows in the given status. */
  public List<Long> idsWithStatus(Status status) {
    return db.read(
        "list " + status + " rows",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM processes WHERE status=? ORDER BY id")) {
            ps.setString(1, status.name());
            return ids(ps);
          }
        });
  }

  /**
   * Ids of the rows whose features were derived under another engine semantics version than this
   * store's, by that version: they are stale, and the planner must not prune on them.
   */
  public Map<Integer, List<Long>> derivedUnderOtherSemantics() {
    return db.read(
        "list rows derived under other engine semantics",
        c -> {
          Map<Integer, List<Long>> out = new TreeMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT semantics_version, id FROM processes"
                      + " WHERE semantics_version <> ? AND status <> 'REMOVING' ORDER BY id")) {
            ps.setInt(1, semanticsVersion);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), v -> new ArrayList<>()).add(rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  private static List<Long> ids(PreparedStatement ps) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /** Fingerprint of every row, by id. */
  public Map<Long, String> fingerprints() {
    return db.read(
        "list fingerprints",
        c -> {
          Map<Long, String> out = new LinkedHashMap<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT id, fingerprint FROM processes ORDER BY id")) {
            while (rs.next()) {
              out.put(rs.getLong(1), rs.getString(2));
            }
          }
          return out;
        });
  }

  /** A stored process with its warnings and features. */
  public Optional<ProcessRecord> get(long id) {
    return db.read("read process " + id, c -> get(c, id));
  }

  private static Optional<ProcessRecord> get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
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
                readWarnings(c, id),
                FeatureRows.read(c, id)));
      }
    }
  }

  private static List<String> readWarnings(Connection c, long id) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT message FROM warnings WHERE process_id=? ORDER BY seq")) {
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
  public List<ProcessSummary> list() {
    return db.read(
        "list processes",
        c -> {
          List<ProcessSummary> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT p.id, p.name, p.dataset, p.format, p.semantics, p.path,"
                          + " p.fingerprint, COALESCE(f.state_count, 0),"
                          + " COALESCE(f.complete, FALSE), p.ingested_at"
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
          }
          return out;
        });
  }
}
