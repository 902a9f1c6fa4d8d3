package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Program;
import rhoscope.engine.Programs;

/**
 * The last line of defence: with the memory bound off, a run that exhausts a small heap
 * (-Xmx64m, in a forked JVM) ends with MEMORY and complete=false instead of the error.
 */
@Tag("slow")
class OutOfMemoryTest {
  /** Every state holds a list one element longer than its parent's: quadratic memory. */
  static final String GROWING =
      "contract @\"inc\"(@l) = { @\"inc\"!(l ++ [l.length()]) } | @\"inc\"!([])";

  /**
   * Runs in a forked JVM: one exploration by the explorer {@code args[0]} names, one line. Each
   * explorer gets a JVM of its own, so that nothing one run left on the heap (a worker still
   * unwinding) can starve the next one's start.
   */
  public static final class Probe {
    public static void main(String[] args) {
      String which = args[0];
      Program p = Programs.load(GROWING);
      // No time bound: on a loaded machine a time-out could win the race against the heap, and
      // the test is about the heap. The parent's wait below only guards against a hang.
      ExploreOptions o = ExploreOptions.defaults().withMaxMemoryBytes(Long.MAX_VALUE)
          .withMaxStates(Long.MAX_VALUE).withTimeout(Duration.ofDays(1));
      ExploreResult r = which.equals("sequential") ? Explorer.sequential(p, o)
          : Explorer.explore(p, o.withWorkers(Integer.parseInt(which)));
      System.out.println("RESULT " + which + " " + r.stopReason() + " " + r.complete()
          + " " + r.distinctStates());
    }
  }

  @Test
  void anOutOfMemoryErrorEndsTheRunAsMemory() throws Exception {
    for (String which : List.of("sequential", "1", "2")) {
      String out = probe(which);
      assertThat(out).as(out)
          .contains("RESULT " + which + " MEMORY false")
          .doesNotContain("OutOfMemoryError");
    }
  }

  private static String probe(String which) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    // Surefire runs the engine's tests on the module path: the probe gets both paths as one
    // class path, where it needs no module declarations.
    String path = System.getProperty("java.class.path") + File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    // The parallel collector gives up ("GC overhead limit exceeded") instead of thrashing for
    // minutes just below the limit.
    Process proc = new ProcessBuilder(java, "-Xmx64m", "-Xss8m", "-XX:+UseParallelGC", "-cp", path,
        Probe.class.getName(), which)
        .redirectErrorStream(true).start();
    boolean done = proc.waitFor(20, TimeUnit.MINUTES);
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      proc.destroyForcibly();
    }
    System.out.println(out);
    assertThat(done).as(out).isTrue();
    assertThat(proc.exitValue()).as(out).isZero();
    return out;
  }
}
