package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;
import rhoscope.engine.check.Verdict;

/**
 * The verdict of one check, as {@code POST /api/check} and {@code rhoscope check --json} write it:
 * the normalised type, how the verdict was reached ({@code method}), why when the verdict is
 * unknown ({@code reason}, absent otherwise), the witness when there is one (absent otherwise),
 * the explored state count, whether the search
 * covered every reachable state, the wall time, and warnings about the query (public names it
 * mentions that the process never uses, and RChain system names it uses that rhoscope does not
 * model). For an SBML model, {@code importWarnings} are what its translation could not honour
 * (events, rules frozen at time 0, modifier roles assumed), the caveats the verdict carries;
 * absent for Rholang. {@code reduction}: {@code "por"} when the check explored a partial-order
 * reduction (its {@code states} count the reduced states), absent when it took every
 * interleaving.
 */
public record CheckAnswer(
    String type,
    Verdict verdict,
    CheckMethod method,
    String reason,
    Witness witness,
    long states,
    boolean complete,
    long elapsedMs,
    List<String> warnings,
    List<String> importWarnings,
    String reduction) {
  public CheckAnswer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(method, "method");
    warnings = List.copyOf(warnings);
    importWarnings = importWarnings == null ? null : List.copyOf(importWarnings);
  }

  /** The answer for a Rholang process: no import warnings. */
  public CheckAnswer(
      String type,
      Verdict verdict,
      CheckMethod method,
      String reason,
      Witness witness,
      long states,
      boolean complete,
      long elapsedMs,
      List<String> warnings) {
    this(type, verdict, method, reason, witness, states, complete, elapsedMs, warnings, null,
        null);
  }

  /** This answer, its time the real one of the request that asked for it. */
  public CheckAnswer withElapsedMs(long ms) {
    return new CheckAnswer(
        type, verdict, method, reason, witness, states, complete, ms, warnings, importWarnings,
        reduction);
  }

  /** This answer with another reason for its verdict. */
  public CheckAnswer withReason(String why) {
    return new CheckAnswer(
        type, verdict, method, why, witness, states, complete, elapsedMs, warnings,
        importWarnings, reduction);
  }
}
