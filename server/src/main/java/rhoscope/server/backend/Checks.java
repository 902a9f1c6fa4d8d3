package rhoscope.server.backend;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Environment;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.open.OpenSystem;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.indexer.sbml.ClosureCheck;
import rhoscope.indexer.sbml.UnknownSpeciesException;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.CheckAnswer;

/** One process against one type, with the model checker, as the API reports it. */
final class Checks {
  private final long maxStates;
  // Loading runs the genesis deploys over every genesis file: once per server, not per request.
  private final AtomicReference<Environment> genesis = new AtomicReference<>();

  /** @param maxStates the bound on explored states of one check */
  Checks(long maxStates) {
    this.maxStates = maxStates;
  }

  /**
   * Checks within {@code left}, what remains of the request's {@code budget}, beside
   * {@code environment}; an unknown's reason names the budget, the bound the user set.
   */
  CheckAnswer check(LoadedProcess loaded, CheckPlan plan, Duration budget, Duration left,
      int calls, Cancellation cancel, Environment environment) {
    CheckPlan resolved;
    try {
      resolved = WireRecords.resolve(plan, loaded);
    } catch (UnknownSpeciesException e) {
      throw new ApiException(400, "unknown_species", e.getMessage());
    }
    Program program =
        Engine.load(
            loaded.parsed(),
            environment,
            OpenSystem.calls(calls));
    CheckOptions options = CheckOptions.defaults().withMaxStates(maxStates).withTimeout(left);
    CheckResult result = ClosureCheck.check(loaded.presence(), program, resolved, options, cancel);
    CheckAnswer answer =
        WireRecords.check(resolved, loaded, program, result, options.withTimeout(budget));
    // The runner cancels a check only once its budget is spent: the bound hit is the time.
    return result.verdict() == Verdict.UNKNOWN && cancel.isCancelled()
        ? answer.withReason(
            String.format(
                Locale.ROOT,
                "the time bound of %,d ms ran out (%,d states explored) before the answer was"
                    + " known",
                budget.toMillis(), result.states()))
        : answer;
  }

  /** What a request that says {@code withGenesis} (or not) runs beside. */
  Environment environment(boolean withGenesis) {
    return withGenesis ? genesis() : Environment.none();
  }

  /** The corpus copy of RChain's genesis contracts, as the CLI's --with-genesis finds it. */
  Environment genesis() {
    Environment loaded = genesis.get();
    if (loaded == null) {
      // two first requests may both load it: the environments are equal, one is kept
      genesis.compareAndSet(null, Environment.genesis(Environment.defaultGenesisFolder()
          .orElseThrow(() -> ApiException.badRequest(
              "'withGenesis': this server has no genesis folder"
                  + " (shared/corpus/rholang/rchain/casper/src/main/resources under its working"
                  + " directory, one or two folders up)"))));
      loaded = genesis.get();
    }
    return loaded;
  }
}
