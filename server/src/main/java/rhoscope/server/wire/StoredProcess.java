package rhoscope.server.wire;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored process with what the indexer learned about it ({@code GET /api/processes/{id}},
 * {@code rhoscope show}): {@code semantics} for SBML, and {@code genesis:DIR} for a Rholang
 * process stored to run on a genesis, {@code fingerprint} of what was
 * translated, {@code source} as submitted and {@code process} as the engine runs it, {@code
 * features} maps a camelCase feature name to its value (numbers, booleans, lists of names), {@code
 * warnings} are the importer's and the indexer's remarks (an SBML rule it could not translate, a
 * bound reached at ingest).
 */
public record StoredProcess(
    long id,
    String name,
    String dataset,
    SourceFormat format,
    String semantics,
    String fingerprint,
    Instant ingestedAt,
    String source,
    String process,
    Map<String, Object> features,
    List<String> warnings) {
  public StoredProcess {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(process, "process");
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    warnings = List.copyOf(warnings);
  }
}
