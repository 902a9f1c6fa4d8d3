package rhoscope.engine.check;

import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.Trace;

/**
 * The outcome of one check: the verdict, its witness where the type's shape gives one, how many
 * states were explored, whether exploration covered every reachable state, how long it took, and
 * in words why the verdict is what it is (which bound was hit for {@code unknown}), and by which
 * method it was reached. A witness for
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
    Method method) {
  public CheckResult {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(method, "method");
  }
}
