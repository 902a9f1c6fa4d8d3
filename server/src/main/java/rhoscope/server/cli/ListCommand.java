package rhoscope.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.catalog.ProcessSummary;
import rhoscope.server.backend.WireRecords;
import rhoscope.server.wire.WireJson;

/** {@code rhoscope list}: the stored processes, one per line. */
@Command(name = "list", description = "List the processes in the database.")
final class ListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOption db;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<ProcessSummary> all;
    try (ProcessDatabase database = db.openExisting()) {
      all = database.list();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(WireJson.pretty(all.stream().map(WireRecords::summary).toList()));
    } else {
      for (ProcessSummary p : all) {
        out.printf(
            "#%-5d %-40s %-10s %-8s %s states%s%n",
            p.id(), p.name(), p.dataset(),
            p.semantics().isEmpty() ? p.format().name().toLowerCase() : p.semantics(),
            p.stateCount(), p.explorationComplete() ? "" : "+ (bounded)");
      }
      out.printf("%d process(es)%n", all.size());
    }
    out.flush();
    return 0;
  }
}
