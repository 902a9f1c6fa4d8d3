package rhoscope.engine.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/**
 * States and time with and without the partial-order reduction on N independent components of
 * three COMMs each, ending in a deadlock (4^N interleaved states): the exploration that keeps
 * every stuck state, and the check of {@code deadlock_free}. Without the reduction the run
 * stops at a bound past 8 components.
 */
public final class PartialOrderBenchmark {
  private static final int[] SIZES = {8, 14};
  private static final long BOUND = 250_000;

  private PartialOrderBenchmark() {}

  public static void main(String[] args) {
    run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Prints one line per size and mode to {@code out}. */
  public static void run(PrintStream out) {
    out.printf(Locale.ROOT, "partial-order reduction: N independent three-step components,"
        + " 4^N states, one deadlock%n");
    for (int n : SIZES) {
      Program p = Engine.load(ProcessParser.parse("components-" + n, componentsSource(n)));
      for (boolean reduce : new boolean[] {false, true}) {
        ExploreOptions options = ExploreOptions.defaults().withWorkers(1).withMaxStates(BOUND);
        ExploreResult r = Explorer.explore(p,
            reduce ? options.withReduction(PartialOrder.stuckStates()) : options);
        CheckResult c = ModelChecker.check(p, TypeParser.parse("deadlock_free", "deadlock_free"),
            CheckOptions.defaults().withWorkers(1).withMaxStates(BOUND)
                .withPartialOrder(reduce));
        out.printf(Locale.ROOT,
            "N=%-3d %-4s explore: %,d states%s, %d deadlocks, %,d ms;"
                + "  deadlock_free: %s after %,d states, %,d ms%n",
            n, reduce ? "por" : "full", r.distinctStates(),
            r.complete() ? "" : " (stopped: " + r.stopReason().name().toLowerCase(Locale.ROOT)
                + ")",
            r.deadlockedStates(), r.millis(), c.verdict().name().toLowerCase(Locale.ROOT),
            c.states(), c.millis());
      }
    }
  }

  /** Component i: three COMMs in a row, then d_i!(0) beside a receive that waits for ever. */
  public static String componentsSource(int n) {
    List<String> parts = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      parts.add("@\"a" + i + "\"!(0)");
      parts.add("for (@x <- @\"a" + i + "\") { @\"b" + i + "\"!(x) }");
      parts.add("for (@x <- @\"b" + i + "\") { @\"c" + i + "\"!(x) }");
      parts.add("for (@x <- @\"c" + i + "\") { @\"d" + i + "\"!(x) | for (@y <- @\"e" + i
          + "\") { Nil } }");
    }
    return String.join(" |\n", parts);
  }
}
