package rhoscope.server.backend;

import java.time.Duration;
import java.util.Optional;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.NameWarnings;
import rhoscope.lang.ParsedProcess;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.server.api.CheckAnswer;
import rhoscope.server.api.Witness;

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
    CheckResult result = plan.check(program, options, cancel);
    Witness witness =
        result.witness().map(t -> Witness.of(program, t)).orElse(null);
    return new CheckAnswer(
        TypeCatalog.forms(plan).normalised(),
        result.verdict(),
        reason(result),
        witness,
        result.states(),
        result.millis(),
        NameWarnings.of(plan.parsed().orElseThrow(), process.process()));
  }

  private static String reason(CheckResult result) {
    return Optional.of(result.reason()).filter(r -> !r.isBlank()).orElse(null);
  }
}
