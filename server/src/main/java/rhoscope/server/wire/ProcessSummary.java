package rhoscope.server.wire;

import java.util.Objects;

/**
 * One line of a process listing ({@code GET /api/processes}, {@code rhoscope list --json}): {@code
 * semantics} only for SBML, the state count of the exploration at ingest and whether it was
 * complete.
 */
public record ProcessSummary(
    long id,
    String name,
    String dataset,
    SourceFormat format,
    String semantics,
    long stateCount,
    boolean explorationComplete) {
  public ProcessSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
  }
}
