package rhoscope.server.api;

import java.util.Objects;

/**
 * A process to add, or to replace when one with the same dataset and name is stored. {@code
 * semantics} says how an SBML model becomes a process (the importer's choice when null).
 */
public record NewProcess(
    String name, String dataset, SourceFormat format, String semantics, String source) {
  public NewProcess {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
  }
}
