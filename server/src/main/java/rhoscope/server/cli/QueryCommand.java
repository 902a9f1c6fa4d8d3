package rhoscope.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rhoscope.engine.Trace;
import rhoscope.engine.check.CheckPlan;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.ProcessVerdict;
import rhoscope.indexer.QueryRequest;
import rhoscope.indexer.QueryResult;
import rhoscope.indexer.QueryStats;
import rhoscope.server.backend.WireRecords;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.WireJson;
import rhoscope.server.wire.Witness;

/** {@code rhoscope query TYPE}: answers a type over the whole database. */
@Command(
    name = "query",
    description = "Find the stored processes that have a type, with a witness for each.")
final class QueryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOption db;

  @Parameters(index = "0", paramLabel = "TYPE", description = "A type, e.g. 'not deadlock_free'.")
  String type;

  @Option(names = "--dataset", paramLabel = "D", description = "Only processes of this dataset.")
  String dataset;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most this many matches (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print matches and statistics as JSON.")
  boolean json;

  @Option(names = "--no-index", description = "Check every process (skip index pruning).")
  boolean noIndex;

  @Option(names = "--witness", description = "Print each match's witness steps.")
  boolean witness;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    CheckPlan plan = WireRecords.compile(type);
    QueryRequest request = QueryRequest.of(plan).withLimit(limit).withPlanner(!noIndex);
    if (dataset != null) {
      request = request.withDataset(dataset);
    }
    QueryResult result;
    QueryAnswer answer = null;
    try (ProcessDatabase database = db.openExisting()) {
      result = database.query(request);
      if (json || witness) {
        // witnesses replay while the database (and its compiled programs) is open
        answer = WireRecords.query(plan, result, database);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (dataset != null && result.stats().total() == 0) {
      spec.commandLine().getErr().printf(
          "rhoscope: no process in dataset '%s' (see 'rhoscope list' for the datasets)%n", dataset);
    }
    if (json) {
      out.println(WireJson.pretty(answer));
    } else {
      print(out, result, answer);
    }
    out.flush();
    return 0;
  }

  /** {@code answer}: the same results as wire records, built when witnesses are printed. */
  private void print(PrintWriter out, QueryResult result, QueryAnswer answer) {
    for (int m = 0; m < result.results().size(); m++) {
      ProcessVerdict v = result.results().get(m);
      out.printf(
          "%-8s #%d %s [%s] %,d ms%s%n",
          v.verdict().name().toLowerCase(Locale.ROOT), v.id(), v.name(), v.dataset(), v.millis(),
          v.cached() ? " (cached)" : "");
      Witness replayed = answer == null ? null : answer.matches().get(m).witness();
      if (witness && replayed != null && replayed.present() != null) {
        for (Witness.Step step : replayed.steps()) {
          out.printf("    %d. %s: %s%n", step.step(), PathwayText.reaction(step),
              PathwayText.changes(step.changes()));
        }
        out.println("    final state: " + PathwayText.present(replayed.present()));
      } else if (witness) {
        int i = 1;
        for (Trace.Step s : v.witness().map(Trace::steps).orElse(List.of())) {
          out.printf("    %d. on %s: %s%n", i++, s.comm().channel().spelling(), s.comm().message());
        }
      }
    }
    QueryStats s = result.stats();
    out.printf(
        "%d matching of %d processes: %d pruned by the index, %d checked, %d from cache, %d unknown, %,d ms%n",
        s.matched(), s.total(), s.prunedByIndex(), s.checked(), s.fromCache(), s.unknown(),
        s.millis());
  }
}
