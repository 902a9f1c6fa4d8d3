package rhoscope.indexer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.Environment;
import rhoscope.indexer.sbml.ImportOptions;

/**
 * How to ingest.
 *
 * @param dataset the dataset every file goes to; empty to derive it from the folders
 * @param sbml how SBML models are translated
 * @param maxStates the bound on states of the exploration at ingest
 * @param exploreTimeout the bound on time of the exploration at ingest (per process)
 * @param workers processes loaded and explored at once
 * @param environment what each Rholang process is stored to run on: nothing, or RChain's genesis
 *     (then its features are derived on the process beside the genesis state, and it is stored
 *     apart from the same file indexed alone, its semantics the environment's key)
 */
public record IndexOptions(
    Optional<String> dataset,
    ImportOptions sbml,
    long maxStates,
    Duration exploreTimeout,
    int workers,
    Environment environment) {
  /**
   * The longest dataset or process name a user may give, in characters: names are stored in
   * bounded columns and become file names of uploads.
   */
  public static final int MAX_NAME_CHARS = 200;

  public IndexOptions {
    Objects.requireNonNull(dataset, "dataset");
    dataset.ifPresent(d -> checkName("dataset", d));
    Objects.requireNonNull(sbml, "sbml");
    Objects.requireNonNull(exploreTimeout, "exploreTimeout");
    Objects.requireNonNull(environment, "environment");
    if (maxStates < 1 || workers < 1) {
      throw new IllegalArgumentException("maxStates and workers must be positive");
    }
  }

  /**
   * Datasets from folders, Boolean SBML semantics, and an exploration bounded so that one process
   * takes about a second at most: 20,000 states or one second.
   */
  public static IndexOptions defaults() {
    return new IndexOptions(
        Optional.empty(),
        ImportOptions.defaults(),
        20_000,
        Duration.ofSeconds(1),
        Runtime.getRuntime().availableProcessors(),
        Environment.none());
  }

  /**
   * {@code name}, the {@code what} of a process (its dataset, its name), if it is no longer than
   * {@link #MAX_NAME_CHARS}.
   *
   * @throws IllegalArgumentException naming the limit
   */
  public static String checkName(String what, String name) {
    if (name.length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException(
          String.format(
              "the %s holds %,d characters; the limit is %d", what, name.length(), MAX_NAME_CHARS));
    }
    return name;
  }

  public IndexOptions withDataset(String name) {
    return new IndexOptions(Optional.of(name), sbml, maxStates, exploreTimeout, workers, environment);
  }

  public IndexOptions withSbml(ImportOptions options) {
    return new IndexOptions(dataset, options, maxStates, exploreTimeout, workers, environment);
  }

  /** Rholang processes stored to run on {@code e} (see {@code environment}). */
  public IndexOptions withEnvironment(Environment e) {
    return new IndexOptions(dataset, sbml, maxStates, exploreTimeout, workers, e);
  }

  public IndexOptions withExploration(long states, Duration timeout) {
    return new IndexOptions(dataset, sbml, states, timeout, workers, environment);
  }

  public IndexOptions withWorkers(int n) {
    return new IndexOptions(dataset, sbml, maxStates, exploreTimeout, n, environment);
  }
}
