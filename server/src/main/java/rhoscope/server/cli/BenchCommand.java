package rhoscope.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rhoscope.engine.bench.ExplorerBenchmark;
import rhoscope.engine.bench.PartialOrderBenchmark;
import rhoscope.indexer.bench.ClosureBenchmark;
import rhoscope.indexer.bench.QueryBenchmark;
import rhoscope.server.cluster.ClusterBenchmark;

/** {@code rhoscope bench}: prints the explorer's and the query engine's figures. */
@Command(
    name = "bench",
    description =
        "Benchmarks: explorer states/s on the dining philosophers; query latency over a database;"
            + " presence closure against exploration on the largest SBML models;"
            + " with --only cluster, query throughput of 1, 2 and 3 local cluster members.")
final class BenchCommand implements Callable<Integer> {
  static final int CLUSTER_PROCESSES = 3_000;

  @Option(
      names = "--only",
      paramLabel = "explorer|query|closure|cluster",
      description = "Run only one of the benchmarks (the cluster one runs only when named).")
  String only;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "A folder of SBML models for the closure benchmark (repeatable; default: the datasets'"
              + " pathways and the shared BioModels corpus next to the checkout).")
  List<Path> models = new ArrayList<>();

  @Option(
      names = "--processes",
      paramLabel = "N",
      description = "Processes in the query or cluster benchmark's database (default: the"
          + " benchmark's own; the cluster's is " + CLUSTER_PROCESSES + ").")
  Integer processes;

  @Option(
      names = "--datasets",
      paramLabel = "DIR",
      description = "The datasets folder to build the query benchmark's database from.")
  Path datasets;

  @Override
  public Integer call() throws IOException {
    if (only != null && !List.of("explorer", "query", "closure", "cluster").contains(only)) {
      throw new UsageException(
          "--only takes 'explorer', 'query', 'closure' or 'cluster', not '" + only + "'");
    }
    // Benchmarks print their report as they go: it is their product.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (only == null || only.equals("explorer")) {
      ExplorerBenchmark.run(out);
      PartialOrderBenchmark.run(out);
    }
    if (only == null || only.equals("query")) {
      Path folder = datasetsFolder();
      Path work = Files.createTempDirectory("rhoscope-bench");
      QueryBenchmark.Options defaults = QueryBenchmark.Options.defaults(folder, work);
      QueryBenchmark.Options options =
          processes == null
              ? defaults
              : new QueryBenchmark.Options(
                  folder, work, processes, defaults.repetitions(), defaults.queries());
      QueryBenchmark.run(out, options);
    }
    if (only == null || only.equals("closure")) {
      ClosureBenchmark.run(
          out, new ClosureBenchmark.Options(modelFolders(), 5, Duration.ofSeconds(10)));
    }
    if ("cluster".equals(only)) {
      ClusterBenchmark.run(
          out,
          new ClusterBenchmark.Options(
              datasetsFolder(), Files.createTempDirectory("rhoscope-cluster-bench"),
              processes == null ? CLUSTER_PROCESSES : processes, 3, QueryBenchmark.QUERIES));
    }
    return 0;
  }

  private Path datasetsFolder() {
    return datasets != null
        ? datasets
        : ServeCommand.findDatasets()
            .orElseThrow(
                () -> new IllegalArgumentException("no datasets/ folder found; pass --datasets DIR"));
  }

  /** The real BioModels files stay in the shared corpus, beside the checkout, not in datasets/. */
  private List<Path> modelFolders() {
    if (!models.isEmpty()) {
      return models;
    }
    Path shipped = datasetsFolder().toAbsolutePath().normalize();
    Path corpus = shipped.resolveSibling("..").resolve("shared/corpus/sbml/biomodels").normalize();
    return List.of(shipped.resolve("pathways"), corpus);
  }
}
