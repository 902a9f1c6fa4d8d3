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
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.ProcessVerdict;
import rhoscope.indexer.QueryRequest;
import rhoscope.indexer.QueryResult;
import rhoscope.indexer.QueryStats;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.server.api.Witness;

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
    QueryRequest request = QueryRequest.of(type).withLimit(limit).withPlanner(!noIndex);
    if (dataset != null) {
      request = request.withDataset(dataset);
    }
    QueryResult result;
    JsonResult jsonResult = null;
    try (ProcessDatabase database = db.openExisting()) {
      result = database.query(request);
      if (json) {
        // witnesses replay while the database (and its compiled programs) is open
        jsonResult = JsonResult.of(result, database);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (dataset != null && result.stats().total() == 0) {
      spec.commandLine().getErr().printf(
          "rhoscope: no process in dataset '%s' (see 'rhoscope list' for the datasets)%n", dataset);
    }
    if (json) {
      out.println(Json.write(jsonResult));
    } else {
      print(out, result);
    }
    out.flush();
    return 0;
  }

  private void print(PrintWriter out, QueryResult result) {
    for (ProcessVerdict v : result.results()) {
      out.printf(
          "%-8s #%d %s [%s] %,d ms%s%n",
          v.verdict().name().toLowerCase(Locale.ROOT), v.id(), v.name(), v.dataset(), v.millis(),
          v.cached() ? " (cached)" : "");
      if (witness) {
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

  /** {@code --json}: the query's answer, each witness in the API's one shape. */
  record JsonResult(
      String type,
      String normalizedType,
      String plan,
      List<JsonVerdict> results,
      QueryStats stats) {
    static JsonResult of(QueryResult r, ProcessDatabase database) {
      return new JsonResult(
          r.type(),
          r.normalizedType(),
          r.plan(),
          r.results().stream().map(v -> JsonVerdict.of(v, database)).toList(),
          r.stats());
    }
  }

  /** One process's answer; {@code witness} null when the verdict has none. */
  record JsonVerdict(
      long id,
      String name,
      String dataset,
      ProcessFormat format,
      Verdict verdict,
      String reason,
      Witness witness,
      long millis,
      boolean cached) {
    static JsonVerdict of(ProcessVerdict v, ProcessDatabase database) {
      Witness witness =
          v.witness()
              .map(
                  t ->
                      Witness.of(
                          database
                              .program(v.id())
                              .orElseThrow(
                                  () -> new IllegalStateException(
                                      "process #" + v.id() + " vanished during the query")),
                          t))
              .orElse(null);
      return new JsonVerdict(
          v.id(), v.name(), v.dataset(), v.format(), v.verdict(), v.reason(), witness, v.millis(),
          v.cached());
    }
  }
}
