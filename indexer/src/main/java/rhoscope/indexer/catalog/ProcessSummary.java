package rhoscope.indexer.catalog;

import java.time.Instant;
import java.util.Objects;

/** One line of a listing: a stored process without its source and features. */
public record ProcessSummary(
    long id,
    String name,
    String dataset,
    ProcessFormat format,
    String semantics,
    String path,
    String fingerprint,
    long stateCount,
    boolean explorationComplete,
    Instant ingestedAt) {
  public ProcessSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(semantics, "semantics");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
  }
}
