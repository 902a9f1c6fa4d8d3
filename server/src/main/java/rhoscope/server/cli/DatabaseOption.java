package rhoscope.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import rhoscope.indexer.ProcessDatabase;

/** {@code --db DIR}, shared by every command that opens the process database. */
final class DatabaseOption {
  /** H2's code for "database file locked by another process". */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  @Option(
      names = "--db",
      paramLabel = "DIR",
      defaultValue = "${env:RHOSCOPE_DB:-rhoscope-db}",
      description = "Database folder (default: $RHOSCOPE_DB or ./rhoscope-db).")
  Path dir;

  /** The database in {@code dir}, for a command whose own option names it. */
  static DatabaseOption at(Path dir) {
    DatabaseOption option = new DatabaseOption();
    option.dir = dir;
    return option;
  }

  /** Opens the database, creating it when the folder is new (for commands that write). */
  ProcessDatabase open() {
    return opening(() -> ProcessDatabase.open(dir));
  }

  /** As {@link #open()}, with an explorer pool of {@code workers} threads. */
  ProcessDatabase open(int workers) {
    return opening(() -> ProcessDatabase.open(dir, workers));
  }

  private ProcessDatabase opening(Supplier<ProcessDatabase> how) {
    try {
      return how.get();
    } catch (RuntimeException e) {
      if (lockedByAnotherProcess(e)) {
        throw new IllegalStateException(
            "the database "
                + dir
                + " is in use by another rhoscope process (a running 'rhoscope serve'?);"
                + " stop it or use its HTTP API",
            e);
      }
      throw e;
    }
  }

  /**
   * Opens an existing database: reading commands must not create an empty one where a typo in
   * {@code --db} would otherwise answer "0 processes" as if that were the truth.
   */
  ProcessDatabase openExisting() {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "no database at " + dir + " (create one with: rhoscope index --db " + dir + " PATH...)");
    }
    return open();
  }

  private static boolean lockedByAnotherProcess(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return true;
      }
    }
    return false;
  }
}
