package rhoscope.engine.check;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check: the verdict, its evidence where the type's shape gives one, how many
 * states were explored, whether exploration covered every reachable state, how long it took, and
 * in words why the verdict is what it is (which bound was hit for {@code unknown}).
 */
public record CheckResult(
    Verdict verdict,
    Optional<Evidence> evidence,
    long states,
    boolean complete,
    long millis,
    String reason) {
  public CheckResult {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(reason, "reason");
  }
}
