package rhoscope.indexer;

import java.util.Locale;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.explore.StopReason;

/**
 * Why a check is {@code unknown}, in a user's words: which bound stopped it, its value, and how
 * many states were explored by then, so that the user knows what to raise. The one wording of the
 * CLI's {@code check} and {@code query}, the HTTP API and the page.
 */
public final class UnknownReason {
  private UnknownReason() {}

  /**
   * The reason of {@code result}, reached under {@code bounds}: for an unknown verdict, the bound
   * and the states explored; for any other verdict the checker's own reason, unchanged.
   */
  public static String of(CheckResult result, CheckOptions bounds) {
    if (result.verdict() != Verdict.UNKNOWN) {
      return result.reason();
    }
    String engine = result.reason();
    String explored = String.format(Locale.ROOT, "%,d states explored", result.states());
    if (engine.equals(ModelChecker.CANCELLED)) {
      // the one reason callers compare against: kept verbatim, the figures after it
      return ModelChecker.CANCELLED + " (" + explored + ")";
    }
    return switch (boundNamedIn(engine)) {
      case MAX_STATES ->
          String.format(
              Locale.ROOT,
              "the state bound of %,d states was reached (%s) before the answer was known",
              bounds.maxStates(), explored);
      case TIMEOUT ->
          String.format(
              Locale.ROOT, "the time bound of %,d ms ran out (%s) before the answer was known",
              bounds.timeout().toMillis(), explored);
      case MAX_DEPTH ->
          String.format(
              Locale.ROOT,
              "the depth bound of %,d steps was reached (%s) before the answer was known",
              bounds.maxDepth(), explored);
      case MEMORY -> "memory ran out (" + explored + ") before the answer was known";
      case VALUE_TOO_LARGE ->
          "a COMM would build a value beyond the engine's limits (" + explored
              + ") before the answer was known";
      case CANCELLED -> ModelChecker.CANCELLED + " (" + explored + ")";
      // no bound named: the checker's own words, with the figure it may lack
      case COMPLETE, STOP_PREDICATE -> engine + " (" + explored + ")";
    };
  }

  /**
   * The bound the engine's reason names ({@code "bound reached (MAX_STATES) ..."}, {@code "time
   * bound reached while computing fixpoints"}); {@link StopReason#COMPLETE} when it names none.
   */
  static StopReason boundNamedIn(String engineReason) {
    for (StopReason r : StopReason.values()) {
      if (engineReason.contains("(" + r.name() + ")")) {
        return r;
      }
    }
    return engineReason.contains("time bound") ? StopReason.TIMEOUT : StopReason.COMPLETE;
  }
}
