package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;
import rhoscope.engine.check.Verdict;

/**
 * A process a query answered for, as {@code POST /api/query} and {@code rhoscope query --json}
 * write it: its verdict, how it was reached ({@code method}), why when the verdict is unknown
 * ({@code reason}, absent otherwise), the witness when the checker produced one (absent
 * otherwise), the checker's time ({@code elapsedMs},
 * the original check's for a cached verdict) and whether the verdict came from the cache. For an
 * SBML model, {@code importWarnings} are the remarks stored with it at ingest (what its translation
 * could not honour, a bound reached while indexing), the caveats its verdict carries; absent for
 * Rholang. {@code reduction}: {@code "por"} when the check explored a partial-order reduction,
 * absent when it took every interleaving.
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
    boolean cached,
    List<String> importWarnings,
    String reduction) {
  public Match {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(method, "method");
    importWarnings = importWarnings == null ? null : List.copyOf(importWarnings);
  }

  /** A match of a Rholang process: no import warnings. */
  public Match(
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
    this(id, name, dataset, format, verdict, method, reason, witness, elapsedMs, cached, null,
        null);
  }
}
