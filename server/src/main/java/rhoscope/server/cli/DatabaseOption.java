package rhoscope.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import rhoscope.indexer.ProcessDatabase;

/** {@code --db DIR}, shared by every command that opens the process database. */
final class DatabaseOption {

  @Option(
      names = "--db",
      paramLabel = "DIR",
      defaultValue = "${env:RHOSCOPE_DB:-rhoscope-db}",
      description = "Database folder (default: $RHOSCOPE_DB or ./rhoscope-db).")
  Path dir;

  ProcessDatabase open() {
    return ProcessDatabase.open(dir);
  }
}
