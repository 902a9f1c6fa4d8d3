package rhoscope.engine.check;

import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.Trace;

/**
 * The outcome of one check: the verdict, its witness where the type's shape gives one, how many
 * states were explored, whether exploration covered every reachable state, how long it took, and
 * in words why the verdict is what it is (which bound was hit for {@code unknown}), by which
 * method it was reached, and whether a partial-order reduction left interleavings out. A witness for
 * a {@code yes} to an existential type ends in a state of the wanted type; a counterexample for a
 * {@code no} to a universal type ends in a state that violates it.
 */
public record CheckResult(
    Verdict verdict,
    Optional<Trace> witness,
    long states,
    boolean complete,
    long millis,
    String reason,
    Method method,
    Reduction reduction) {
  public CheckResult {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reduction, "reduction");
  }

  /** A verdict reached without a partial-order reduction. */
  public CheckResult(Verdict verdict, Optional<Trace> witness, long states, boolean complete,
      long millis, String reason, Method method) {
    this(verdict, witness, states, complete, millis, reason, method, Reduction.NONE);
  }
}
