package rhoscope.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rhoscope.engine.bench.ExplorerBenchmark;
import rhoscope.indexer.bench.QueryBenchmark;

/** {@code rhoscope bench}: prints the explorer's and the query engine's figures. */
@Command(
    name = "bench",
    description = "Benchmarks: explorer states/s on the dining philosophers; query latency over a database.")
final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--only",
      paramLabel = "explorer|query",
      description = "Run only one of the two benchmarks.")
  String only;

  @Option(
      names = "--processes",
      paramLabel = "N",
      description = "Processes in the query benchmark's database (default: the benchmark's own).")
  Integer processes;

  @Option(
      names = "--datasets",
      paramLabel = "DIR",
      description = "The datasets folder to build the query benchmark's database from.")
  Path datasets;

  @Override
  public Integer call() throws IOException {
    if (only != null && !only.equals("explorer") && !only.equals("query")) {
      throw new UsageException("--only takes 'explorer' or 'query', not '" + only + "'");
    }
    // Benchmarks print their report as they go: it is their product.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (only == null || only.equals("explorer")) {
      ExplorerBenchmark.run(out);
    }
    if (only == null || only.equals("query")) {
      Path folder =
          datasets != null
              ? datasets
              : ServeCommand.findDatasets()
                  .orElseThrow(
                      () -> new IllegalArgumentException("no datasets/ folder found; pass --datasets DIR"));
      Path work = Files.createTempDirectory("rhoscope-bench");
      QueryBenchmark.Options defaults = QueryBenchmark.Options.defaults(folder, work);
      QueryBenchmark.Options options =
          processes == null
              ? defaults
              : new QueryBenchmark.Options(
                  folder, work, processes, defaults.repetitions(), defaults.queries());
      QueryBenchmark.run(out, options);
    }
    return 0;
  }
}
