package rhoscope.indexer;

import java.util.List;
import java.util.Objects;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.catalog.ProcessFormat;

/**
 * One process's answer to a query.
 *
 * @param reason why the verdict is what it is (the bound hit, for unknown)
 * @param witness the COMM steps to the state that decides the verdict, when there is one
 * @param finalState the state the witness leads to, printed; empty without a witness
 * @param millis time the model checker took (for a cached verdict, the original check's)
 * @param cached whether the verdict came from the cache
 */
public record ProcessVerdict(
    long id,
    String name,
    String dataset,
    ProcessFormat format,
    Verdict verdict,
    String reason,
    List<WitnessStep> witness,
    String finalState,
    long millis,
    boolean cached) {
  public ProcessVerdict {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    witness = List.copyOf(witness);
    Objects.requireNonNull(finalState, "finalState");
  }
}
