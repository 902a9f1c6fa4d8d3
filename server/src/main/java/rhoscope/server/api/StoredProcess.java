package rhoscope.server.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored process with what the indexer learned about it: {@code features} maps a feature
 * name to its value (numbers, booleans, lists of names), {@code warnings} are the importer's
 * and the indexer's remarks (an SBML rule it could not translate, a bound reached at ingest).
 */
public record StoredProcess(
    String id,
    String name,
    String dataset,
    SourceFormat format,
    String semantics,
    String source,
    String process,
    Map<String, Object> features,
    List<String> warnings) {
  public StoredProcess {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(process, "process");
    features = Map.copyOf(features);
    warnings = List.copyOf(warnings);
  }

  public ProcessSummary summary() {
    return new ProcessSummary(id, name, dataset, format);
  }
}
