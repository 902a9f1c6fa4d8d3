package rhoscope.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.catalog.ProcessRecord;

/** {@code rhoscope show ID}: one stored process with its features, warnings and source. */
@Command(name = "show", description = "Show one process: features, warnings and source.")
final class ShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOption db;

  @Parameters(index = "0", paramLabel = "ID", description = "The process id (see 'list').")
  long id;

  @Override
  public Integer call() {
    ProcessRecord record;
    try (ProcessDatabase database = db.open()) {
      record =
          database
              .get(id)
              .orElseThrow(() -> new IllegalArgumentException("no process with id " + id));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(Json.write(record));
    out.flush();
    return 0;
  }
}
