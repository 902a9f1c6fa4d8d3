package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.Programs;
import rhoscope.lang.parse.ProcessParser;

/**
 * Cross-checks the explorer against SPIN (Debian's {@code spin}) on the dining philosophers of
 * {@code datasets/benchmarks/}: the Rholang model from {@code philosophers.rho.sh} and the same
 * system in Promela, {@code philosophers.pml}. SPIN stores one state more than rhoscope (its
 * initial state, before init's atomic set-up) and counts two transitions more (that set-up step,
 * and the initial state, which its "stored + matched" figure includes); see the README there.
 *
 * <p>pan is compiled with {@code -DNOREDUCE} (no partial-order reduction, so every interleaving
 * is a state, as in rhoscope) and {@code -DSAFETY}, and run with {@code -c0} so that it does not
 * stop at the deadlock, which it reports as an "invalid end state" error, counted once, while it
 * explores the whole space. {@code -O0}, not the benchmark's {@code -O2}: the counts do not
 * depend on it and the test compiles six models.
 */
class SpinCrossCheckTest {
  private static final Path MODELS = Path.of("..", "datasets", "benchmarks");
  private static final Pattern STORED = Pattern.compile("(\\d+) states, stored");
  private static final Pattern TRANSITIONS =
      Pattern.compile("(\\d+) transitions \\(= stored\\+matched\\)");
  private static final Pattern ERRORS = Pattern.compile("errors: (\\d+)");

  /** What pan reports for one run. */
  private record SpinCounts(long states, long transitions, long errors, String output) {}

  // checked by each test, not in @BeforeAll: Surefire drops the message of a class-level skip
  private static void requireSpinGccAndModels() {
    assumeTrue(onPath("spin") && onPath("gcc") && onPath("bash"),
        "spin, gcc or bash is not on PATH: skipping the SPIN cross-check "
            + "(scripts/install-test-deps.sh installs spin and gcc as root)");
    assumeTrue(Files.isRegularFile(MODELS.resolve("philosophers.pml")),
        "datasets/benchmarks/philosophers.pml not found from " + Path.of("").toAbsolutePath()
            + ": skipping the SPIN cross-check");
  }

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {2, 3, 4, 5, 6, 7})
  void explorerCountsMatchSpinsAndEachFindsOneDeadlock(int n, @TempDir Path dir)
      throws IOException, InterruptedException {
    requireSpinGccAndModels();
    String rholang = run(dir, "bash", script("philosophers.rho.sh"), Integer.toString(n));
    // the script prints the model the explorer tests and the benchmark use, not a look-alike
    assertThat(rholang.strip()).isEqualTo(Programs.philosophers(n));

    SpinCounts spin = spin(n, dir);
    Program program = Engine.load(ProcessParser.parse("philosophers-" + n, rholang));
    ExploreResult ours = Explorer.explore(program, ExploreOptions.defaults().withWorkers(2));

    assertThat(spin.output()).contains("invalid end state").doesNotContain("depth too small");
    assertThat(spin.errors()).as("SPIN's deadlocks (invalid end states)").isEqualTo(1);
    assertThat(spin.states()).isEqualTo(Math.round(Math.pow(3, n)) + 1);
    assertThat(ours.complete()).isTrue();
    assertThat(ours.distinctStates()).isEqualTo(spin.states() - 1);
    assertThat(ours.transitions()).isEqualTo(spin.transitions() - 2);
    assertThat(ours.deadlockedStates()).isEqualTo(1);
  }

  private static SpinCounts spin(int n, Path dir) throws IOException, InterruptedException {
    run(dir, "spin", "-DN=" + n, "-a", MODELS.resolve("philosophers.pml").toAbsolutePath()
        .toString());
    run(dir, "gcc", "-O0", "-DNOREDUCE", "-DSAFETY", "-o", "pan", "pan.c");
    // pan's depth counts each statement of an atomic sequence, so a path may have more steps
    // than there are states; four a state is ample for this model
    long depth = 4 * Math.round(Math.pow(3, n)) + 100L * n;
    String out = run(dir, dir.resolve("pan").toString(), "-c0", "-n", "-m" + depth);
    return new SpinCounts(count(STORED, out), count(TRANSITIONS, out), count(ERRORS, out), out);
  }

  private static long count(Pattern p, String panOutput) {
    Matcher m = p.matcher(panOutput);
    assertThat(m.find()).as("pan output has /%s/:%n%s", p, panOutput).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String script(String name) {
    return MODELS.resolve(name).toAbsolutePath().toString();
  }

  /** Runs a command in {@code dir} and returns its output; fails unless it exits with 0. */
  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "output", ".txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean finished = p.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("%s finishes within 60 s", List.of(command)).isTrue();
    assertThat(p.exitValue()).as("exit status of %s:%n%s", List.of(command), out).isZero();
    return out;
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null && Pattern.compile(Pattern.quote(File.pathSeparator)).splitAsStream(path)
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
  }
}
