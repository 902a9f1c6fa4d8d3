package rhoscope.indexer.catalog;

import java.util.Objects;

/**
 * A verdict as the cache keeps it: the verdict's name (an engine {@code Verdict}; an unknown only
 * under a key that names the bounds it was reached under), the reason, the witness as text (one
 * step a line), how long the check took, and the name of the engine {@code Method} that reached
 * it (EXPLORE or CLOSURE), and the name of the engine {@code Reduction} it was explored under
 * (NONE or POR).
 */
public record CachedVerdict(
    String verdict, String reason, String witness, long millis, String method, String reduction) {
  public CachedVerdict {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reduction, "reduction");
  }

  /** A verdict reached on every interleaving. */
  public CachedVerdict(String verdict, String reason, String witness, long millis, String method) {
    this(verdict, reason, witness, millis, method, "NONE");
  }
}
