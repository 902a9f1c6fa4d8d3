package rhoscope.indexer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.IndexSummary;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.QueryRequest;
import rhoscope.indexer.QueryResult;
import rhoscope.indexer.QueryStats;

/**
 * Query latency on a database of at least a thousand processes: the shipped datasets plus generated
 * variants ({@link Variants}). Each query runs with and without the index, with the verdict cache
 * off (cold) and after a run that filled it (cached); the report gives the median and 95th
 * percentile of the repetitions and the share of processes the index pruned. "Cold" means no cached
 * verdicts and no compiled programs kept from an earlier run.
 */
public final class QueryBenchmark {
  /** Typical queries: selective reachability, deadlock, race, and two universal ones. */
  public static final List<String> QUERIES =
      List.of(
          "eventually contains \"winner\"!(_)",
          "not deadlock_free",
          "eventually race(balance)",
          "eventually contains \"full\"!(4)",
          "eventually contains (\"client1\"!(true) | \"client2\"!(true))",
          "deadlock_free",
          "terminates");

  private QueryBenchmark() {}

  /**
   * @param datasets the shipped {@code datasets/} folder
   * @param workDir where the corpus and the database are written (a fresh folder)
   * @param processes how many processes the database holds at least
   * @param repetitions timed runs per query and mode
   */
  public record Options(
      Path datasets, Path workDir, int processes, int repetitions, List<String> queries) {
    public Options {
      Objects.requireNonNull(datasets, "datasets");
      Objects.requireNonNull(workDir, "workDir");
      queries = List.copyOf(queries);
      if (processes < 1 || repetitions < 1) {
        throw new IllegalArgumentException("processes and repetitions must be positive");
      }
    }

    public static Options defaults(Path datasets, Path workDir) {
      return new Options(datasets, workDir, 1000, 5, QUERIES);
    }
  }

  /** One query in one mode. */
  public record Row(
      String query, String mode, long medianMillis, long p95Millis, QueryStats stats) {
    /** Share of the processes in scope that the index ruled out. */
    public double pruneRatio() {
      return stats.total() == 0 ? 0 : (double) stats.prunedByIndex() / stats.total();
    }
  }

  public record Report(int processes, long indexMillis, List<Row> rows) {
    public Report {
      rows = List.copyOf(rows);
    }
  }

  public static Report run(PrintStream out, Options o) {
    Path corpus = o.workDir().resolve("corpus");
    int shipped = countFiles(o.datasets());
    int generated =
        Variants.write(
            o.datasets().resolve("contracts"), corpus, Math.max(0, o.processes() - shipped));
    out.printf("corpus: %d shipped + %d generated processes%n", shipped, generated);
    try (ProcessDatabase db = ProcessDatabase.open(o.workDir().resolve("db"))) {
      long start = System.nanoTime();
      // the shipped files may already reach the target, and then no variant (nor folder) is made
      List<Path> sources = generated > 0 ? List.of(o.datasets(), corpus) : List.of(o.datasets());
      IndexSummary s = db.index(sources, IndexOptions.defaults(), IndexProgress.NONE);
      long indexMillis = (System.nanoTime() - start) / 1_000_000;
      int processes = db.list().size();
      out.printf(
          "indexed %d processes in %d ms (%d failed), %d cores%n",
          processes, indexMillis, s.failed().size(), Runtime.getRuntime().availableProcessors());
      s.failed().forEach(f -> out.printf("  failed %s: %s%n", f.path(), f.reason()));
      out.printf(
          "%-62s %-13s %9s %9s %6s %6s %7s %6s %7s %6s%n",
          "query", "mode", "median", "p95", "total", "pruned", "checked", "cached", "unknown",
          "prune%");
      List<Row> rows = new ArrayList<>();
      for (String q : o.queries()) {
        for (Mode mode : Mode.values()) {
          Row row = measure(db, q, mode, o.repetitions());
          rows.add(row);
          QueryStats st = row.stats();
          out.printf(
              "%-62s %-13s %6d ms %6d ms %6d %6d %7d %6d %7d %5.1f%%%n",
              q,
              mode.label,
              row.medianMillis(),
              row.p95Millis(),
              st.total(),
              st.prunedByIndex(),
              st.checked(),
              st.fromCache(),
              st.unknown(),
              100 * row.pruneRatio());
        }
      }
      return new Report(processes, indexMillis, rows);
    }
  }

  private enum Mode {
    INDEX_COLD("index, cold", true, false),
    INDEX_CACHED("index, cached", true, true),
    SCAN_COLD("scan, cold", false, false),
    SCAN_CACHED("scan, cached", false, true);

    final String label;
    final boolean planner;
    final boolean cache;

    Mode(String label, boolean planner, boolean cache) {
      this.label = label;
      this.planner = planner;
      this.cache = cache;
    }
  }

  private static Row measure(ProcessDatabase db, String q, Mode mode, int repetitions) {
    QueryRequest request = QueryRequest.of(q).withPlanner(mode.planner).withCache(mode.cache);
    db.clearCaches();
    if (mode.cache) {
      // Fill the cache; the timed runs then answer from it.
      db.query(request);
    }
    long[] millis = new long[repetitions];
    QueryResult last = null;
    for (int i = 0; i < repetitions; i++) {
      if (!mode.cache) {
        db.clearCaches();
      }
      long t = System.nanoTime();
      last = db.query(request);
      millis[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(millis);
    return new Row(q, mode.label, percentile(millis, 50), percentile(millis, 95), last.stats());
  }

  /** Nearest-rank percentile of sorted samples. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static int countFiles(Path datasets) {
    try (var s = Files.walk(datasets)) {
      return (int)
          s.filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".rho") || n.endsWith(".xml") || n.endsWith(".sbml"))
              .count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + datasets, e);
    }
  }

  /**
   * Command-line entry: {@code QueryBenchmark DATASETS_DIR [PROCESSES [REPETITIONS]]}; the corpus
   * and database go to a fresh temporary folder. Prints the report (a benchmark's output is its
   * product, as the CLI's is).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException(
          "usage: QueryBenchmark DATASETS_DIR [PROCESSES [REPETITIONS]]");
    }
    Path work = Files.createTempDirectory("rhoscope-bench");
    Options d = Options.defaults(Path.of(args[0]), work);
    Options o =
        new Options(
            d.datasets(),
            work,
            args.length > 1 ? Integer.parseInt(args[1]) : d.processes(),
            args.length > 2 ? Integer.parseInt(args[2]) : d.repetitions(),
            d.queries());
    run(System.out, o);
  }
}
