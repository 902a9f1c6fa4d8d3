package rhoscope.server.backend;

import java.time.Duration;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.lang.ParsedProcess;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.server.wire.CheckAnswer;

/** One process against one type, with the model checker, as the API reports it. */
final class Checks {
  private final long maxStates;

  /** @param maxStates the bound on explored states of one check */
  Checks(long maxStates) {
    this.maxStates = maxStates;
  }

  CheckAnswer check(LoadedProcess loaded, CheckPlan plan, Duration timeout, Cancellation cancel) {
    ParsedProcess process = loaded.parsed();
    Program program = Engine.load(process);
    CheckOptions options =
        CheckOptions.defaults().withMaxStates(maxStates).withTimeout(timeout);
    return WireRecords.check(plan, program, plan.check(program, options, cancel), options);
  }
}
