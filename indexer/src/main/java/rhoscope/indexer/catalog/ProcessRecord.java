package rhoscope.indexer.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import rhoscope.indexer.features.ProcessFeatures;

/**
 * One stored process.
 *
 * @param id the catalog's key, stable across re-ingests of the same {@link #identity()}
 * @param path where it was read from (absolute, normalised); re-ingesting the path into the same
 *     dataset with the same import options replaces it (see {@link ProcessIdentity})
 * @param semantics how an SBML model was translated ({@code boolean}, {@code counts:3}, ...); empty
 *     for Rholang
 * @param fingerprint content fingerprint of what was translated (source, format, semantics)
 * @param warnings the importer's remarks and the indexer's (a bound reached at ingest)
 */
public record ProcessRecord(
    long id,
    String path,
    String name,
    String dataset,
    ProcessFormat format,
    String semantics,
    String source,
    String fingerprint,
    Instant ingestedAt,
    List<String> warnings,
    ProcessFeatures features) {
  public ProcessRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(semantics, "semantics");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(features, "features");
  }

  /** Path, dataset and import options: what re-ingesting must match to replace this process. */
  public ProcessIdentity identity() {
    return new ProcessIdentity(path, dataset, semantics);
  }

  /** The same process under another id (the catalog assigns ids). */
  public ProcessRecord withId(long newId) {
    return new ProcessRecord(
        newId,
        path,
        name,
        dataset,
        format,
        semantics,
        source,
        fingerprint,
        ingestedAt,
        warnings,
        features);
  }
}
