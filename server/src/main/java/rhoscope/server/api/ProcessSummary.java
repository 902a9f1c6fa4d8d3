package rhoscope.server.api;

import java.util.Objects;

/** One line of a process listing. */
public record ProcessSummary(String id, String name, String dataset, SourceFormat format) {
  public ProcessSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
  }
}
