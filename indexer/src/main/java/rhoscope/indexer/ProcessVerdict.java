package rhoscope.indexer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.check.Method;
import rhoscope.engine.check.Reduction;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.catalog.ProcessFormat;

/**
 * One process's answer to a query.
 *
 * @param reason why the verdict is what it is (the bound hit, for unknown)
 * @param witness the trace to the state that decides the verdict, when there is one; it replays
 *     exactly on the process's program
 * @param finalState the state the witness leads to, printed; empty without a witness
 * @param replayed the states along the witness, from its start, when this check replayed it on
 *     the process's program; empty for a cached verdict, whose witness is replayed where shown
 * @param millis time the model checker took (for a cached verdict, the original check's)
 * @param method how the verdict was reached: by exploring, or from the presence closure
 * @param cached whether the verdict came from the cache
 * @param reduction whether the check explored a partial-order reduction
 */
public record ProcessVerdict(
    long id,
    String name,
    String dataset,
    ProcessFormat format,
    Verdict verdict,
    String reason,
    Optional<Trace> witness,
    String finalState,
    List<StateView> replayed,
    long millis,
    Method method,
    boolean cached,
    Reduction reduction) {
  public ProcessVerdict {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(finalState, "finalState");
    replayed = List.copyOf(replayed);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reduction, "reduction");
  }
}
