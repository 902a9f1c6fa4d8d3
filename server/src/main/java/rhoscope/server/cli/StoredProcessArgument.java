package rhoscope.server.cli;

import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import rhoscope.indexer.ProcessDatabase;

/**
 * The database and the {@code ID} argument of the commands that act on one stored process: {@code
 * 6}, or {@code #6} as {@code list} prints it.
 */
final class StoredProcessArgument {
  @Mixin DatabaseOption db;

  @Parameters(index = "0", paramLabel = "ID", description = "The process id (see 'list'), e.g. 6 or #6.")
  String text;

  /**
   * Runs {@code action} on the existing database with the parsed id; an empty answer means there is
   * no such process, which the user is told.
   */
  <T> T apply(BiFunction<ProcessDatabase, Long, Optional<T>> action) {
    long id = parse(text);
    try (ProcessDatabase database = db.openExisting()) {
      return action
          .apply(database, id)
          .orElseThrow(() -> new IllegalArgumentException("no process with id " + id));
    }
  }

  private static long parse(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    try {
      long id = Long.parseLong(digits);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a process id (a positive number such as 6 or #6; see 'rhoscope list')");
  }
}
