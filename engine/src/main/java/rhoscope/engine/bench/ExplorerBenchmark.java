package rhoscope.engine.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.lang.parse.ProcessParser;

/**
 * Distinct states per second of the parallel explorer on the cyclic dining philosophers
 * (3^N states, one deadlock), with 1 and 2 workers, and heap bytes per state. Each run is
 * repeated and the best is reported, after warm-up runs that let the JIT settle. The process
 * CPU time of the best run is printed too: on a machine shared with other work, wall time
 * with 2 workers only improves on 1 worker when a second core is actually free.
 */
public final class ExplorerBenchmark {
  private static final int[] SIZES = {10, 12};
  private static final int[] WORKERS = {1, 2};
  private static final int WARMUP = 3;
  private static final int RUNS = 3;

  private ExplorerBenchmark() {}

  public static void main(String[] args) {
    run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Runs the benchmark and prints one line per configuration to {@code out}. */
  public static void run(PrintStream out) {
    out.printf(Locale.ROOT, "explorer benchmark: dining philosophers, %d cores available%n",
        Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < WARMUP; i++) {
      for (int w : WORKERS) {
        explore(philosophers(SIZES[0]), w);
      }
    }
    for (int n : SIZES) {
      for (int w : WORKERS) {
        ExploreResult best = null;
        long bestCpu = 0;
        for (int i = 0; i < RUNS; i++) {
          // a fresh program each run, so no run profits from another's memo tables
          Program p = philosophers(n);
          long cpu = cpuNanos();
          ExploreResult r = explore(p, w);
          cpu = cpuNanos() - cpu;
          if (best == null || r.millis() < best.millis()) {
            best = r;
            bestCpu = cpu;
          }
        }
        double perSecond = best.distinctStates() * 1000.0 / Math.max(1, best.millis());
        out.printf(Locale.ROOT,
            "N=%-3d workers=%d  states=%,d  transitions=%,d  deadlocks=%d  %,d ms (cpu %,d ms)"
                + "  %,.0f states/s%n",
            n, w, best.distinctStates(), best.transitions(), best.deadlockedStates(),
            best.millis(), bestCpu / 1_000_000, perSecond);
      }
      out.printf(Locale.ROOT,
          "N=%-3d memory: %.1f bytes/state at peak heap (visited set 16 bytes/slot at most 3/4"
              + " full, plus the BFS frontier and uncollected garbage)%n", n, bytesPerState(n));
    }
  }

  /** CPU time of the whole process (all threads), or 0 where the JVM cannot tell. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static ExploreResult explore(Program p, int workers) {
    return Explorer.explore(p, ExploreOptions.defaults().withWorkers(workers)
        .withMaxStates(10_000_000));
  }

  private static double bytesPerState(int n) {
    Program p = philosophers(n);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long[] peak = {0};
    ExploreResult r = Explorer.explore(p, ExploreOptions.defaults().withWorkers(1)
        .withMaxStates(10_000_000).withStopWhen(s -> {
          peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
          return false;
        }));
    return (double) (peak[0] - before) / r.distinctStates();
  }

  static Program philosophers(int n) {
    return Engine.load(ProcessParser.parse("philosophers-" + n, philosophersSource(n)));
  }

  /**
   * The benchmark model in Rholang: N dining philosophers around N forks, one contract whose
   * call takes the left fork, then the right one, puts both back and calls itself again (3^N
   * states, one deadlock). Tests and the SPIN comparison use this exact text.
   */
  public static String philosophersSource(int n) {
    StringBuilder sb = new StringBuilder("new phil");
    for (int i = 0; i < n; i++) {
      sb.append(", f").append(i);
    }
    sb.append(" in {\n  contract phil(left, right) = {\n")
        .append("    for (_ <- left) { for (_ <- right) {\n")
        .append("      left!(Nil) | right!(Nil) | phil!(left, right) } }\n  }");
    for (int i = 0; i < n; i++) {
      sb.append("\n  | f").append(i).append("!(Nil)");
    }
    for (int i = 0; i < n; i++) {
      sb.append("\n  | phil!(f").append(i).append(", f").append((i + 1) % n).append(")");
    }
    return sb.append("\n}").toString();
  }
}
