package rhoscope.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.server.backend.WireRecords;
import rhoscope.server.wire.WireJson;

/** {@code rhoscope show ID}: one stored process as JSON, the record {@code GET /api/processes/{id}} writes. */
@Command(name = "show", description = "Show one process: features, warnings and source.")
final class ShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoredProcessArgument process;

  @Override
  public Integer call() {
    ProcessRecord record = process.apply(ProcessDatabase::get);
    PrintWriter out = spec.commandLine().getOut();
    out.println(WireJson.pretty(WireRecords.stored(record)));
    out.flush();
    return 0;
  }
}
