package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.server.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} exits by its verdict and {@code query} by whether anything matched, so that a CI
 * job can gate on them; misuse and bad input have codes of their own. Every code, and what the
 * user is told with it.
 */
class ExitCodesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Waits at once, for ever: deadlocked in its initial state. */
  private static final String STUCK = "new x in { for (_ <- x) { Nil } }";
  /** Counts for ever: a bound is always reached first. */
  private static final String COUNTER = "new inc in { contract inc(@n) = { inc!(n + 1) } | inc!(0) }";
  private static final String DONE = "@\"done\"!(1)";

  @TempDir Path tmp;

  private String write(String name, String text) throws IOException {
    Path file = tmp.resolve("src").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  @Test
  void checkExitsZeroWhenTheProcessHasTheType() throws IOException {
    CliRun r = run("check", write("done.rho", DONE), "eventually contains \"done\"!(_)");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK).isZero();
    assertThat(r.out()).contains(": yes (");
  }

  @Test
  void checkExitsOneWhenItDoesNot() throws IOException {
    CliRun r = run("check", write("stuck.rho", STUCK), "deadlock_free");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.NO).isEqualTo(1);
    assertThat(r.out()).contains(": no (");
  }

  @Test
  void checkExitsThreeWhenUnknownAndSaysWhichBoundAndHowManyStates() throws IOException {
    String file = write("counter.rho", COUNTER);
    CliRun r = run("check", file, "deadlock_free", "--max-states", "40");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.UNKNOWN).isEqualTo(3);
    assertThat(r.out())
        .contains(": unknown (")
        .contains("the state bound of 40 states was reached (")
        .contains("states explored)");
    JsonNode json = JSON.readTree(run("check", file, "deadlock_free", "--max-states", "40", "--json").out());
    assertThat(json.get("verdict").asText()).isEqualTo("unknown");
    assertThat(json.get("reason").asText()).startsWith("the state bound of 40 states was reached");
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    String file = write("done.rho", DONE);
    assertThat(run("check", file, "deadlock_free", "--no-such-option").exit())
        .isEqualTo(ExitCode.USAGE).isEqualTo(2);
    assertThat(run("check", file).exit()).isEqualTo(ExitCode.USAGE);
    CliRun bound = run("check", file, "deadlock_free", "--max-states", "0");
    assertThat(bound.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(bound.err()).contains("--max-states must be at least 1, got 0");
  }

  @Test
  void badInputExitsFour() throws IOException {
    CliRun syntax = run("check", write("bad.rho", "new x in { x!( }"), "deadlock_free");
    assertThat(syntax.exit()).isEqualTo(ExitCode.BAD_INPUT).isEqualTo(4);
    assertThat(syntax.err()).contains("^");
    CliRun type = run("check", write("done.rho", DONE), "eventually (");
    assertThat(type.exit()).isEqualTo(ExitCode.BAD_INPUT);
    CliRun missing = run("check", tmp.resolve("absent.rho").toString(), "deadlock_free");
    assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void theHelpOfCheckAndQueryShowsTheTable() {
    CliRun check = run("check", "--help");
    assertThat(check.exit()).isZero();
    assertThat(check.out())
        .contains("Exit codes")
        .containsPattern("0\\s+yes, the process has the type")
        .containsPattern("1\\s+no, it does not")
        .containsPattern("2\\s+usage error")
        .containsPattern("3\\s+unknown, a bound was reached first")
        .containsPattern("4\\s+bad input");
    assertThat(run("query", "--help").out())
        .containsPattern("0\\s+some process has the type")
        .containsPattern("1\\s+no process has it");
  }

  @Test
  void queryExitsZeroWithMatchesOneWithNoneThreeWithOnlyUnknowns() throws IOException {
    String db = tmp.resolve("db").toString();
    write("stuck.rho", STUCK);
    write("done.rho", DONE);
    assertThat(run("index", "--db", db, tmp.resolve("src").toString()).exit()).isZero();

    CliRun some = run("query", "--db", db, "not deadlock_free");
    assertThat(some.exit()).as(some.err()).isEqualTo(ExitCode.OK);
    assertThat(some.out()).contains("stuck.rho");
    CliRun none = run("query", "--db", db, "eventually contains \"never\"!(_)");
    assertThat(none.exit()).as(none.err()).isEqualTo(ExitCode.NO);
    assertThat(none.out()).contains("0 matching of 2 processes");

    write("counter.rho", COUNTER);
    String counterDb = tmp.resolve("counter-db").toString();
    assertThat(run("index", "--db", counterDb, tmp.resolve("src/counter.rho").toString()).exit())
        .isZero();
    CliRun unknown =
        run("query", "--db", counterDb, "deadlock_free", "--no-index", "--max-states", "30");
    assertThat(unknown.exit()).as(unknown.out()).isEqualTo(ExitCode.UNKNOWN);
    assertThat(unknown.out()).contains("the state bound of 30 states was reached");
    assertThat(run("query", "--db", db, "deadlock_free", "--limit", "0").exit())
        .isEqualTo(ExitCode.USAGE);
    assertThat(run("query", "--db", db, "eventually (").exit()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void aDeadlockInTheInitialStateHasAWitnessOfZeroStepsPointingAtTheWaitingReceive()
      throws IOException {
    String file = write("stuck.rho", STUCK);
    CliRun text = run("check", file, "deadlock_free");
    assertThat(text.out())
        .contains("witness: the initial state itself (0 steps)")
        .contains("state:\n  new x in { for (_ <- x) { Nil } }")
        .contains("deadlock: `for (_ <- x) { Nil }` waits on ")
        .contains("on which nobody sends");
    JsonNode witness = JSON.readTree(run("check", file, "deadlock_free", "--json").out()).get("witness");
    assertThat(witness.get("steps").size()).isZero();
    assertThat(witness.get("initialState").asText()).isEqualTo("new x in { for (_ <- x) { Nil } }");
    assertThat(witness.get("findings").get(0).asText())
        .startsWith("deadlock: `for (_ <- x) { Nil }` waits on ")
        .endsWith(", on which nobody sends");

    String db = tmp.resolve("stuck-db").toString();
    assertThat(run("index", "--db", db, file).exit()).isZero();
    for (int i = 0; i < 2; i++) {
      // the second answer comes from the cache: the witness is the same
      CliRun query = run("query", "--db", db, "not deadlock_free", "--witness");
      assertThat(query.out())
          .contains("witness: the initial state itself (0 steps)")
          .contains("deadlock: `for (_ <- x) { Nil }` waits on x, on which nobody sends");
    }
  }
}
