package rhoscope.indexer.ingest;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import rhoscope.engine.Engine;
import rhoscope.engine.Environment;
import rhoscope.engine.Program;
import rhoscope.indexer.catalog.ProcessIdentity;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessStore;
import rhoscope.indexer.features.FeatureExtractor;
import rhoscope.indexer.features.ProcessFeatures;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.SbmlImportException;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.print.ProcessPrinter;

/**
 * Turns a source file into a process record: read, fingerprint, and (only when the fingerprint
 * differs from the one stored for the same path, dataset and import options, or the stored row
 * was derived under other engine semantics) parse or import and extract features. Re-derives a
 * stored process's features from its stored source. Safe to run on many files at once; it writes
 * nothing.
 */
public final class Preparer {
  private final ImportOptions sbml;
  private final long maxStates;
  private final Duration exploreTimeout;
  private final Environment environment;
  private final Function<ProcessIdentity, Optional<ProcessStore.PathEntry>> stored;

  /** A preparer of processes that run alone. */
  public Preparer(
      ImportOptions sbml,
      long maxStates,
      Duration exploreTimeout,
      Function<ProcessIdentity, Optional<ProcessStore.PathEntry>> stored) {
    this(sbml, maxStates, exploreTimeout, Environment.none(), stored);
  }

  /**
   * @param environment what a Rholang file is prepared to run on; with a genesis its semantics is
   *     the environment's key, so the process is stored (and its verdicts cached) apart from the
   *     same file prepared alone
   * @param stored the row stored for an identity (path, dataset, import options), if any
   */
  public Preparer(
      ImportOptions sbml,
      long maxStates,
      Duration exploreTimeout,
      Environment environment,
      Function<ProcessIdentity, Optional<ProcessStore.PathEntry>> stored) {
    this.sbml = sbml;
    this.environment = environment;
    this.maxStates = maxStates;
    this.exploreTimeout = exploreTimeout;
    this.stored = stored;
  }

  public Prepared prepare(SourceFile file) {
    String text;
    try {
      text = Loader.read(file.path());
    } catch (UncheckedIOException e) {
      return new Prepared.Failed(file, e.getMessage());
    }
    return prepare(file, text);
  }

  /** Prepares {@code text} as the content of {@code file}, as {@link #prepare(SourceFile)} does. */
  public Prepared prepare(SourceFile file, String text) {
    return prepare(file, text, false);
  }

  /**
   * Prepares an upload, {@code text} as the content of {@code file}, which need not exist yet; a
   * process the engine cannot compile or the printer cannot print fails with the compiler's error:
   * stored, it would fail every check of it and every read of it. (An indexed folder keeps such a
   * file, unexplored, with the reason in its features.)
   */
  public Prepared prepareUpload(SourceFile file, String text) {
    return prepare(file, text, true);
  }

  private Prepared prepare(SourceFile file, String text, boolean usable) {
    try {
      String semantics =
          switch (file.format()) {
            case RHOLANG -> environment.hasGenesis() ? environment.key() : "";
            case SBML -> Semantics.spell(sbml);
          };
      String fingerprint = Fingerprints.of(file.format(), semantics, text);
      Optional<ProcessStore.PathEntry> old =
          stored.apply(new ProcessIdentity(file.path().toString(), file.dataset(), semantics));
      if (old.isPresent() && Fingerprints.current(old.get(), fingerprint)) {
        return new Prepared.Unchanged(file);
      }
      ProcessRecord record =
          derive(file, text, sbml, semantics, fingerprint, Instant.now(), usable);
      return new Prepared.Ready(file, record, old.isPresent());
    } catch (LangException | SbmlImportException e) {
      return Prepared.Failed.of(file, e);
    } catch (UncheckedIOException e) {
      return new Prepared.Failed(file, e.getMessage());
    } catch (StackOverflowError e) {
      return new Prepared.Failed(file, "the process is too deeply nested to analyse");
    }
  }

  /**
   * Derives a stored process's features again from its stored source, under the running engine,
   * keeping its identity, name and ingest time; for rows derived under other engine semantics.
   */
  public Prepared rederive(ProcessRecord stored) {
    SourceFile file = new SourceFile(Path.of(stored.path()), stored.dataset(), stored.format());
    try {
      ImportOptions options =
          switch (stored.format()) {
            case RHOLANG -> sbml;
            case SBML -> Semantics.parse(stored.semantics());
          };
      return new Prepared.Ready(
          file,
          derive(
                  file,
                  stored.source(),
                  options,
                  stored.semantics(),
                  stored.fingerprint(),
                  stored.ingestedAt(),
                  false)
              .withId(stored.id()),
          true);
    } catch (LangException | SbmlImportException | IllegalArgumentException e) {
      return new Prepared.Failed(file, e.getMessage());
    } catch (StackOverflowError e) {
      return new Prepared.Failed(file, "the process is too deeply nested to analyse");
    }
  }

  private ProcessRecord derive(
      SourceFile file,
      String text,
      ImportOptions options,
      String semantics,
      String fingerprint,
      Instant ingestedAt,
      boolean usable) {
    LoadedProcess loaded = Loader.load(file, text, options);
    Environment runsOn = Environment.ofKey(semantics).orElse(Environment.none());
    ProcessFeatures features;
    if (usable) {
      Program program = Engine.load(loaded.parsed(), runsOn);
      ProcessPrinter.print(loaded.parsed().process());
      features =
          FeatureExtractor.extract(
              loaded.parsed(), program, loaded.presence(), runsOn, maxStates, exploreTimeout);
    } else {
      features =
          FeatureExtractor.extract(
              loaded.parsed(), loaded.presence(), runsOn, maxStates, exploreTimeout);
    }
    List<String> warnings = new ArrayList<>(loaded.warnings());
    if (!features.exploration().complete()) {
      warnings.add(features.exploration().note());
    }
    return new ProcessRecord(
        0,
        file.path().toString(),
        loaded.name(),
        file.dataset(),
        loaded.format(),
        semantics,
        text,
        fingerprint,
        ingestedAt,
        warnings,
        features);
  }
}
