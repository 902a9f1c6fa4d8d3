package rhoscope.server.http;

import java.util.Map;
import java.util.Objects;
import rhoscope.server.wire.SourceFormat;

/**
 * A process to add, or to replace when one with the same dataset and name is stored. {@code
 * semantics} says how an SBML model becomes a process (the importer's choice when null); {@code
 * overrides} replace species' initial values (a knock-out {@code E1=0}), SBML only; {@code
 * withGenesis}: a Rholang process stored to run on RChain's genesis.
 */
public record NewProcess(
    String name,
    String dataset,
    SourceFormat format,
    String semantics,
    Map<String, Integer> overrides,
    String source,
    boolean withGenesis) {
  public NewProcess {
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
  }
}
