package rhoscope.server.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * The write number of every process this member stored or deleted, kept on its own disk beside
 * the catalog ({@code DIR/cluster/versions}): a move or a returning member keeps the higher
 * number of two copies, and a delete's number (a tombstone) outranks the copies it deleted, so
 * that a member coming back with an old copy neither overwrites a newer write nor resurrects a
 * delete. A process without an entry (indexed before it joined a cluster) has number 0.
 */
final class VersionStore implements AutoCloseable {
  /** A process's write number, and whether that write deleted it. */
  record Entry(long version, boolean deleted) {}

  private final Connection connection;

  private VersionStore(Connection connection) {
    this.connection = connection;
  }

  static VersionStore open(Path databaseDir) {
    Path file = databaseDir.toAbsolutePath().resolve("cluster").resolve("versions");
    try {
      Files.createDirectories(file.getParent());
      // WRITE_DELAY=0, as the catalog: a number acknowledged with a write survives a kill -9.
      Connection c =
          DriverManager.getConnection(
              "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS versions (process_key VARCHAR(8192) PRIMARY KEY,"
                + " shard VARCHAR(4096) NOT NULL, version BIGINT NOT NULL,"
                + " deleted BOOLEAN NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS versions_shard ON versions(shard)");
      }
      return new VersionStore(c);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(
          "cannot open the cluster's write numbers " + file + ".mv.db: " + e.getMessage(), e);
    }
  }

  synchronized Optional<Entry> get(String processKey) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT version, deleted FROM versions WHERE process_key=?")) {
      ps.setString(1, processKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Entry(rs.getLong(1), rs.getBoolean(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed("read the write number of " + processKey, e);
    }
  }

  /** The number of the process's copy here (0 without an entry); a tombstone's is not a copy. */
  long version(String processKey) {
    return get(processKey).map(Entry::version).orElse(0L);
  }

  synchronized void set(String processKey, String shard, Entry entry) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "MERGE INTO versions (process_key, shard, version, deleted) KEY (process_key)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, processKey);
      ps.setString(2, shard);
      ps.setLong(3, entry.version());
      ps.setBoolean(4, entry.deleted());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failed("store the write number of " + processKey, e);
    }
  }

  /** The shard's deletes, by process key: they move with the shard. */
  synchronized Map<String, Long> tombstones(String shard) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT process_key, version FROM versions WHERE shard=? AND deleted"
                + " ORDER BY process_key")) {
      ps.setString(1, shard);
      Map<String, Long> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed("list the deletes of " + shard, e);
    }
  }

  /** The shards with deletes here. */
  synchronized Set<String> shardsWithTombstones() {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT DISTINCT shard FROM versions WHERE deleted ORDER BY shard")) {
      Set<String> out = new LinkedHashSet<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw failed("list the shards with deletes", e);
    }
  }

  /** Forgets a delete another member now keeps, unless a later write changed it here. */
  synchronized void forgetTombstone(String processKey, long version) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "DELETE FROM versions WHERE process_key=? AND version=? AND deleted")) {
      ps.setString(1, processKey);
      ps.setLong(2, version);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failed("forget the delete of " + processKey, e);
    }
  }

  /** The highest number stored here: the cluster's numbering never falls below it. */
  synchronized long max() {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM versions")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failed("read the highest write number", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failed("close", e);
    }
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
  }
}
