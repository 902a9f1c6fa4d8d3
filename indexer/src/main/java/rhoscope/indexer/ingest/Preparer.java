package rhoscope.indexer.ingest;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import rhoscope.indexer.catalog.ProcessIdentity;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.features.FeatureExtractor;
import rhoscope.indexer.features.ProcessFeatures;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.SbmlImportException;
import rhoscope.lang.diag.LangException;

/**
 * Turns a source file into a process record: read, fingerprint, and (only when the fingerprint
 * differs from the one stored for the same path, dataset and import options) parse or import and
 * extract features. Safe to run on many files at once; it writes nothing.
 */
public final class Preparer {
  private final ImportOptions sbml;
  private final long maxStates;
  private final Duration exploreTimeout;
  private final Function<ProcessIdentity, Optional<String>> storedFingerprint;

  /**
   * @param storedFingerprint the fingerprint stored for an identity (path, dataset, import
   *     options), if any
   */
  public Preparer(
      ImportOptions sbml,
      long maxStates,
      Duration exploreTimeout,
      Function<ProcessIdentity, Optional<String>> storedFingerprint) {
    this.sbml = sbml;
    this.maxStates = maxStates;
    this.exploreTimeout = exploreTimeout;
    this.storedFingerprint = storedFingerprint;
  }

  public Prepared prepare(SourceFile file) {
    try {
      String text = Loader.read(file.path());
      String semantics =
          switch (file.format()) {
            case RHOLANG -> "";
            case SBML -> Semantics.spell(sbml);
          };
      String fingerprint = Fingerprints.of(file.format(), semantics, text);
      Optional<String> stored =
          storedFingerprint.apply(
              new ProcessIdentity(file.path().toString(), file.dataset(), semantics));
      if (stored.isPresent() && stored.get().equals(fingerprint)) {
        return new Prepared.Unchanged(file);
      }
      LoadedProcess loaded = Loader.load(file, text, sbml);
      ProcessFeatures features =
          FeatureExtractor.extract(loaded.parsed(), maxStates, exploreTimeout);
      List<String> warnings = new ArrayList<>(loaded.warnings());
      if (!features.exploration().complete()) {
        warnings.add(features.exploration().note());
      }
      ProcessRecord record =
          new ProcessRecord(
              0,
              file.path().toString(),
              loaded.name(),
              file.dataset(),
              loaded.format(),
              semantics,
              text,
              fingerprint,
              Instant.now(),
              warnings,
              features);
      return new Prepared.Ready(file, record, stored.isPresent());
    } catch (LangException e) {
      return new Prepared.Failed(file, e.getMessage());
    } catch (SbmlImportException | UncheckedIOException e) {
      return new Prepared.Failed(file, e.getMessage());
    } catch (StackOverflowError e) {
      return new Prepared.Failed(file, "the process is too deeply nested to analyse");
    }
  }
}
