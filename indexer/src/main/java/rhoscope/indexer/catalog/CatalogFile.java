package rhoscope.indexer.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The H2 database of one shard's catalog, in embedded file mode: one connection, its schema
 * migrated forward on open, shared by the {@link ProcessStore} and the {@link VerdictCache}.
 *
 * <p>Access is serialised on that connection: the catalog is small next to model checking, and
 * H2's embedded mode gains little from concurrent writers. Serialising here rather than in each
 * store keeps one store's statements out of the other's transaction.
 */
public final class CatalogFile implements AutoCloseable {

  /** Work on the connection; it may throw, the caller turns that into a {@link CatalogException}. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Connection connection;
  private final Path file;

  private CatalogFile(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Opens (creating if needed) the catalog in {@code dir}, migrating its schema forward. */
  public static CatalogFile open(Path dir) {
    return open(dir, Migrations.latest());
  }

  /** Opens with the schema migrated only up to {@code version}; for migration tests. */
  static CatalogFile open(Path dir, int version) {
    Path file = dir.toAbsolutePath().resolve("catalog");
    try {
      Files.createDirectories(dir);
      // WRITE_DELAY=0: a commit reaches the file before it returns, so a write acknowledged to a
      // user survives a kill -9; H2's default leaves it in memory for up to half a second.
      Connection c =
          DriverManager.getConnection(
              "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
      CatalogFile catalog = new CatalogFile(c, file);
      try {
        catalog.migrate(version);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
      return catalog;
    } catch (SQLException | IOException e) {
      throw new CatalogException("cannot open catalog " + file + ".mv.db: " + e.getMessage(), e);
    }
  }

  /** The schema version of the open database. */
  public synchronized int schemaVersion() {
    return read("read schema version", CatalogFile::schemaVersion);
  }

  private static int schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private void migrate(int target) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
    }
    int current = schemaVersion(connection);
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

  /** Runs {@code work} with auto-commit on (each statement its own transaction). */
  synchronized <T> T read(String what, Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw fail(what, e);
    }
  }

  /** Runs {@code work} in one transaction: all of its writes, or (on an exception) none. */
  synchronized <T> T transaction(String what, Work<T> work) {
    try {
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e instanceof SQLException s ? fail(what, s) : (RuntimeException) e;
    } finally {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        // a connection that cannot leave a transaction is unusable: say so on the next call
        throw fail("restore auto-commit", e);
      }
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

  CatalogException fail(String what, SQLException e) {
    return new CatalogException(
        "catalog " + file + ".mv.db: cannot " + what + ": " + e.getMessage(), e);
  }

  static String truncate(String s) {
    return s.length() <= 4096 ? s : s.substring(0, 4093) + "...";
  }
}
