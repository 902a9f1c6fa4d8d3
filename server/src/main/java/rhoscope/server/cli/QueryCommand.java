package rhoscope.server.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.ProcessVerdict;
import rhoscope.indexer.QueryRequest;
import rhoscope.indexer.QueryResult;
import rhoscope.indexer.QueryStats;
import rhoscope.server.backend.WireRecords;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.WireJson;

/** {@code rhoscope query TYPE}: answers a type over the whole database. */
@Command(
    name = "query",
    description = "Find the stored processes that have a type, with a witness for each.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:some process has the type",
      "1:no process has it",
      "3:no process is known to have it, but some are unknown (a bound was reached)",
      ExitCode.USAGE_LINE,
      ExitCode.BAD_INPUT_LINE
    })
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

  @Mixin OpenOption open;

  @Mixin GenesisOption genesis;

  @Option(names = "--json", description = "Print matches and statistics as JSON.")
  boolean json;

  @Option(names = "--no-index", description = "Check every process (skip index pruning).")
  boolean noIndex;

  @Option(names = "--witness", description = "Print each match's witness steps.")
  boolean witness;

  @Option(
      names = "--max-states",
      paramLabel = "N",
      description = "Each process's check stops after this many distinct states (default: 200000).")
  Long maxStates;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Each process's check stops after this many seconds (default: 10).")
  Double timeoutSeconds;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1, got " + limit);
    }
    CheckPlan plan = WireRecords.compile(type);
    QueryRequest request =
        QueryRequest.of(plan).withLimit(limit).withPlanner(!noIndex).withOpen(open.system())
            .withEnvironment(genesis.environment()).withBudget(budget());
    if (dataset != null) {
      request = request.withDataset(dataset);
    }
    QueryResult result;
    QueryAnswer answer;
    try (ProcessDatabase database = db.openExisting()) {
      result = database.query(request);
      // witnesses replay while the database (and its compiled programs) is open
      answer = WireRecords.query(
          plan, result, limit, database, request.open(), request.environment());
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
    if (result.stats().matched() > 0) {
      return ExitCode.OK;
    }
    return result.stats().unknown() > 0 ? ExitCode.UNKNOWN : ExitCode.NO;
  }

  private QueryRequest.Budget budget() {
    QueryRequest.Budget byDefault = QueryRequest.Budget.defaults();
    long states = maxStates == null ? byDefault.maxStates() : maxStates;
    if (states < 1) {
      throw new UsageException("--max-states must be at least 1, got " + states);
    }
    if (timeoutSeconds == null) {
      return new QueryRequest.Budget(states, byDefault.timeout());
    }
    if (!(timeoutSeconds > 0) || timeoutSeconds > Bounds.MAX_TIMEOUT_SECONDS) {
      throw new UsageException(
          "--timeout must be positive and at most " + (long) Bounds.MAX_TIMEOUT_SECONDS
              + " seconds (a week), got " + timeoutSeconds);
    }
    return new QueryRequest.Budget(states, Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
  }

  private void print(PrintWriter out, QueryResult result, QueryAnswer answer) {
    for (Match m : answer.matches()) {
      out.printf(
          "%-8s #%d %s [%s] method: %s, %,d ms%s%n",
          WireJson.wireName(m.verdict()), m.id(), m.name(), m.dataset(), m.method().wireName(),
          m.elapsedMs(), m.cached() ? " (cached)" : "");
      if (m.verdict() == Verdict.UNKNOWN && m.reason() != null) {
        out.println("    " + m.reason());
      }
      if (witness && m.witness() != null) {
        WitnessText.print(out, "    ", m.witness());
      }
    }
    for (ProcessVerdict v : result.unfinished()) {
      out.printf("%-8s #%d %s [%s] unfinished%n    %s%n", "unknown", v.id(), v.name(), v.dataset(),
          v.reason());
    }
    QueryStats s = result.stats();
    out.printf(
        "%d matching of %d processes: %d pruned by the index, %d checked, %d from cache, %d unknown, %,d ms%n",
        s.matched(), s.total(), s.prunedByIndex(), s.checked(), s.fromCache(), s.unknown(),
        s.millis());
  }
}
