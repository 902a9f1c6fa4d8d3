package rhoscope.server.wire;

import java.util.Objects;
import rhoscope.engine.check.Verdict;

/**
 * A process a query answered for, as {@code POST /api/query} and {@code rhoscope query --json}
 * write it: its verdict, how it was reached ({@code method}), why when the verdict is unknown
 * ({@code reason}, absent otherwise), the witness when the checker produced one (absent otherwise), the checker's time ({@code elapsedMs},
 * the original check's for a cached verdict) and whether the verdict came from the cache.
 */
public record Match(
    long id,
    String name,
    String dataset,
    SourceFormat format,
    Verdict verdict,
    CheckMethod method,
    String reason,
    Witness witness,
    long elapsedMs,
    boolean cached) {
  public Match {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(method, "method");
  }
}
