package rhoscope.server.api;

import java.util.Objects;
import rhoscope.engine.check.Verdict;

/**
 * A process a query answered for: its verdict, why when the verdict is unknown, and the witness
 * when the checker produced one (null otherwise).
 */
public record Match(
    String id, String name, String dataset, Verdict verdict, String reason, Witness witness) {
  public Match {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(verdict, "verdict");
  }
}
