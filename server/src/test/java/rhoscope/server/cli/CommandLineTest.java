package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.server.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.http.TestHttp;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.WireJson;

class CommandLineTest {
  private static final Path CONTRACTS = Path.of("..", "datasets", "contracts");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void parsePrintsTheProcessBackAndExitsZero() throws IOException {
    Path file = write("ok.rho", "new x in { x!(1) | for (@v <- x) { @\"out\"!(v + 1) } }");
    CliRun r = run("parse", file.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("new x in {").contains("@\"out\"!(v + 1)");
  }

  @Test
  void parseReportsFileLineColumnAndCaretWithoutStackTrace() throws IOException {
    Path good = write("good.rho", "Nil");
    Path bad = write("bad.rho", "new x in {\n  x!(1) |\n  for (y <- x { Nil }\n}");
    CliRun r = run("parse", good.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains(bad + ":3:15:").contains("^").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aChainTooDeepForTheParserIsOneErrorWithItsPlace() throws IOException {
    Path file =
        write("deep.rho", "new x in {\n  x!(" + String.join(" + ", Collections.nCopies(40_000, "1")) + ")\n}");
    CliRun r = run("parse", file.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).startsWith(file + ":2:6: input is nested more than 4096 levels deep");
    assertThat(r.err().lines().count()).isEqualTo(3);
    assertThat(r.err().length()).isLessThan(400);
  }

  @Test
  void aStackOverflowAnywhereIsOneLineAndExitFourNotATrace() throws Exception {
    // A stack far smaller than the launcher's: whichever pass overflows first (parser, printer,
    // compiler, checker), the user reads a line or three, never a trace of a thousand frames.
    Path file =
        write("chain.rho", "new x in {\n  x!(" + String.join(" + ", Collections.nCopies(3_000, "1")) + ")\n}");
    for (String[] args :
        List.of(
            new String[] {"parse", file.toString()},
            new String[] {"check", file.toString(), "eventually true"})) {
      AtomicReference<CliRun> result = new AtomicReference<>();
      Thread small = new Thread(null, () -> result.set(run(args)), "small-stack", 192L << 10);
      small.start();
      small.join();
      CliRun r = result.get();
      assertThat(r).as(String.join(" ", args)).isNotNull();
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("StackOverflowError");
      assertThat(r.err().lines().count()).isBetween(1L, 3L);
    }
  }

  @Test
  void aDatasetNamePastTheLimitIsAUsageErrorNamingTheLimit() throws IOException {
    Path file = write("ok.rho", "Nil");
    CliRun r =
        run("index", "--db", tmp.resolve("db").toString(), "--dataset", "d".repeat(300),
            file.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("300 characters; the limit is 200").doesNotContain("\tat ");
  }

  @Test
  void exploreJsonCarriesTheFiguresOfTheDeadlyEmbrace() throws IOException {
    Path file =
        write("embrace.rho", "new a, b in { for (_ <- a) { b!(Nil) } | for (_ <- b) { a!(Nil) } }");
    CliRun r = run("explore", file.toString(), "--json", "--workers", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("states").asLong()).isEqualTo(1);
    assertThat(o.get("transitions").asLong()).isZero();
    assertThat(o.get("deadlocks").asLong()).isEqualTo(1);
    assertThat(o.get("terminal").asLong()).isZero();
    assertThat(o.get("complete").asBoolean()).isTrue();
    assertThat(o.has("elapsedMs")).isTrue();
  }

  @Test
  void exploreStopsAtTheStateBoundAndSaysIncomplete() throws IOException {
    Path file = write("counter.rho", "new inc in { contract inc(@n) = { inc!(n + 1) } | inc!(0) }");
    CliRun r = run("explore", file.toString(), "--json", "--max-states", "50");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("complete").asBoolean()).isFalse();
    assertThat(o.get("states").asLong()).isBetween(50L, 60L);
  }

  @Test
  void exploreWithPorCountsFewerStatesAndTheSameStuckOnes() throws IOException {
    Path file = write("pair.rho", "@\"a\"!(0) | for (@x <- @\"a\") { @\"b\"!(x) }"
        + " | @\"c\"!(0) | for (@x <- @\"c\") { @\"d\"!(x) | for (@y <- @\"e\") { Nil } }");
    JsonNode full = JSON.readTree(run("explore", file.toString(), "--json").out());
    CliRun r = run("explore", file.toString(), "--json", "--por");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode reduced = JSON.readTree(r.out());
    assertThat(full.get("states").asLong()).isEqualTo(4);
    assertThat(full.has("reduction")).isFalse();
    assertThat(reduced.get("states").asLong()).isEqualTo(3);
    assertThat(reduced.get("reduction").asText()).isEqualTo("por");
    assertThat(reduced.get("deadlocks").asLong()).isEqualTo(full.get("deadlocks").asLong())
        .isEqualTo(1);
    assertThat(run("explore", file.toString(), "--por").out()).contains("partial-order reduction");
  }

  @Test
  void checkSaysWhenItExploredAPartialOrderReduction() throws IOException {
    Path file = write("pair.rho", "@\"a\"!(0) | for (@x <- @\"a\") { Nil }"
        + " | @\"c\"!(0) | for (@x <- @\"c\") { Nil }");
    CliRun text = run("check", file.toString(), "deadlock_free");
    assertThat(text.out()).contains("(method: explore, reduction: por, 3 states");
    JsonNode json = JSON.readTree(run("check", file.toString(), "deadlock_free", "--json").out());
    assertThat(json.get("reduction").asText()).isEqualTo("por");
    JsonNode full =
        JSON.readTree(run("check", file.toString(), "eventually <\"a\">true", "--json").out());
    assertThat(full.has("reduction")).isFalse();
  }

  @Test
  void checkWarnsAboutANameTheProcessNeverUses() throws IOException {
    // a Rholang process; on an SBML model such a name is an error instead (PathwayAnswersTest)
    String model = write("kinases.rho", "@\"KK\"!(1) | @\"KKK\"!(2)").toString();
    CliRun wrong = run("check", model, "eventually contains \"ERK\"!(_)");
    // no state ever sends on a name the model does not have
    assertThat(wrong.exit()).as(wrong.err()).isEqualTo(ExitCode.NO);
    assertThat(wrong.err())
        .contains("warning: the type mentions \"ERK\", which this process never uses")
        .contains("\"KK\"");
    CliRun json = run("check", model, "eventually contains \"ERK\"!(_)", "--json");
    assertThat(JSON.readTree(json.out()).get("warnings").get(0).asText()).contains("\"ERK\"");
    CliRun right = run("check", model, "eventually contains \"KK\"!(_)", "--json");
    assertThat(right.err()).doesNotContain("warning");
    assertThat(JSON.readTree(right.out()).get("warnings").size()).isZero();
  }

  @Test
  void checkSaysWhichMethodAnsweredAndKnockOutsApplyBeforeTheClosure() throws IOException {
    String model = Path.of("..", "datasets", "pathways", "mapk_cascade.xml").toString();
    String type = "eventually contains \"K_PP\"!(_)";
    CliRun text = run("check", model, type);
    CliRun json = run("check", model, type, "--json");
    CliRun knockedOut = run("check", model, type, "--set", "E1=0", "--json");
    CliRun explored = run("check", model, "eventually deadlock", "--json");

    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains(": yes (method: closure, ").contains("witness:");
    JsonNode o = JSON.readTree(json.out());
    assertThat(o.get("method").asText()).isEqualTo("closure");
    assertThat(o.get("verdict").asText()).isEqualTo("yes");
    assertThat(o.get("witness").get("steps").size()).isPositive();
    JsonNode ko = JSON.readTree(knockedOut.out());
    assertThat(ko.get("verdict").asText()).isEqualTo("no");
    assertThat(ko.get("method").asText()).isEqualTo("closure");
    assertThat(ko.get("reason").asText()).contains("K_PP can never become present");
    assertThat(JSON.readTree(explored.out()).get("method").asText()).isEqualTo("explore");
  }

  @Test
  void checkFindsTheEmbraceDeadlockWithAWitness() throws IOException {
    CliRun r = run("check", CONTRACTS.resolve("embrace_deadlock.rho").toString(), "deadlock_free", "--json");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.NO);
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("verdict").asText()).isEqualTo("no");
    JsonNode steps = o.get("witness").get("steps");
    assertThat(steps.size()).isGreaterThan(0);
    assertThat(steps.get(0).get("channel").get("kind").asText()).isEqualTo("private");
    assertThat(steps.get(0).get("channel").get("label").asText()).startsWith("lock");
    assertThat(o.get("witness").get("initialState").asText()).contains("lockA");
    // after the last COMM both workers wait, each on the lock the other holds
    assertThat(steps.get(steps.size() - 1).get("state").asText()).contains("lockA").contains("lockB");
    assertThat(o.has("states")).isTrue();
    assertThat(o.has("complete")).isTrue();
    assertThat(o.has("elapsedMs")).isTrue();
  }

  @Test
  void checkAndQueryWriteTheWitnessInOneShape() throws IOException {
    String file = CONTRACTS.resolve("embrace_deadlock.rho").toString();
    String db = tmp.resolve("shape-db").toString();
    assertThat(run("index", "--db", db, file).exit()).isZero();

    JsonNode checked =
        JSON.readTree(run("check", file, "not deadlock_free", "--json").out()).get("witness");
    CliRun query = run("query", "--db", db, "not deadlock_free", "--json");
    assertThat(query.exit()).as(query.err()).isZero();
    JsonNode queried = JSON.readTree(query.out()).get("matches").get(0).get("witness");

    for (JsonNode w : List.of(checked, queried)) {
      // the witness ends in the deadlock: its findings name the receives it leaves waiting
      assertThat(fields(w)).containsExactly("initialState", "steps", "findings");
      assertThat(w.get("findings").size()).isPositive();
      for (JsonNode finding : w.get("findings")) {
        assertThat(finding.asText()).startsWith("deadlock: `for (").contains(" waits on ");
      }
      assertThat(w.get("steps").size()).isPositive();
      for (JsonNode step : w.get("steps")) {
        assertThat(fields(step))
            .containsExactly("step", "channel", "message", "receiver", "state");
        assertThat(fields(step.get("channel"))).containsExactly("kind", "label", "spelling");
      }
    }
    assertThat(queried.get("initialState")).isEqualTo(checked.get("initialState"));
    // the embrace's witness ends in the deadlock: both findings name a receive and its channel
    assertThat(queried.get("findings")).isEqualTo(checked.get("findings"));
    assertThat(checked.get("findings").get(0).asText()).startsWith("deadlock: `for (");
  }

  /**
   * The CLI's {@code --json} and the HTTP API write the same records: each reads back strictly
   * (no unknown field) as its wire record, and for the same process and type the two agree on
   * everything but the time taken.
   */
  @Test
  void checkAndQueryJsonAreTheRecordsTheApiWrites() throws IOException {
    String file = CONTRACTS.resolve("embrace_deadlock.rho").toString();
    Path db = tmp.resolve("api-db");
    assertThat(run("index", "--db", db.toString(), file).exit()).isZero();
    CheckAnswer cliCheck =
        WireJson.MAPPER.readValue(run("check", file, "not deadlock_free", "--json").out(), CheckAnswer.class);
    QueryAnswer cliQuery =
        WireJson.MAPPER.readValue(
            run("query", "--db", db.toString(), "not deadlock_free", "--json").out(), QueryAnswer.class);
    Match cliMatch = cliQuery.matches().getFirst();

    try (RhoscopeServer server =
        RhoscopeServer.start(
            ServerConfig.defaults(new DatabaseService(ProcessDatabase.open(db))).withPort(0))) {
      TestHttp http = new TestHttp(server.port());
      CheckAnswer apiCheck =
          WireJson.MAPPER.readValue(
              http.post("/api/check", Map.of("id", cliMatch.id(), "type", "not deadlock_free")).body(),
              CheckAnswer.class);
      QueryAnswer apiQuery =
          WireJson.MAPPER.readValue(
              http.post("/api/query", Map.of("type", "not deadlock_free")).body(), QueryAnswer.class);

      assertThat(apiCheck).usingRecursiveComparison().ignoringFields("elapsedMs").isEqualTo(cliCheck);
      assertThat(apiQuery)
          .usingRecursiveComparison()
          .ignoringFields("stats.elapsedMs", "matches.elapsedMs", "matches.cached", "stats.cached",
              "stats.checked")
          .isEqualTo(cliQuery);
    }
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void checkReportsAMalformedTypeWithItsColumn() throws IOException {
    Path file = write("nil.rho", "Nil");
    CliRun r = run("check", file.toString(), "eventually contains (");
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("1:").contains("^").doesNotContain("\tat ");
  }

  @Test
  void unknownFileTypeIsAClearError() throws IOException {
    Path file = write("model.txt", "Nil");
    CliRun r = run("explore", file.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("unknown file type");
  }

  @Test
  void indexQueryListShowRemoveRoundTrip() {
    String db = tmp.resolve("db").toString();
    CliRun indexed = run("index", "--db", db, CONTRACTS.resolve("embrace_deadlock.rho").toString(),
        CONTRACTS.resolve("embrace_ordered_locks.rho").toString());
    assertThat(indexed.exit()).as(indexed.err()).isZero();
    assertThat(indexed.out()).contains("2 added");

    CliRun again = run("index", "--db", db, CONTRACTS.resolve("embrace_deadlock.rho").toString());
    assertThat(again.out()).contains("0 added").contains("1 unchanged");

    CliRun query = run("query", "--db", db, "not deadlock_free");
    assertThat(query.exit()).as(query.err()).isZero();
    assertThat(query.out()).contains("embrace_deadlock.rho").doesNotContain("embrace_ordered_locks.rho");

    CliRun list = run("list", "--db", db);
    assertThat(list.out()).contains("2 process(es)");

    String id = list.out().lines().filter(l -> l.contains("embrace_deadlock")).findFirst()
        .orElseThrow().substring(1).split("\\s+")[0];
    CliRun show = run("show", "--db", db, "#" + id);
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out()).contains("embrace_deadlock.rho").contains("lockA");

    assertThat(run("remove", "--db", db, id).exit()).isZero();
    assertThat(run("list", "--db", db).out()).contains("1 process(es)");
    CliRun missing = run("show", "--db", db, id);
    assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(missing.err()).contains("no process with id " + id);
  }

  @Test
  void everySubcommandAnswersHelp() {
    for (String command : new String[] {"parse", "explore", "check", "import", "index", "query",
        "list", "show", "remove", "serve", "bench"}) {
      CliRun r = run(command, "--help");
      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: rhoscope " + command);
    }
  }

  @Test
  void jsonModeReportsErrorsAsJsonOnStdout() throws IOException {
    Path file = write("nil.rho", "Nil");
    CliRun r = run("check", file.toString(), "eventually (", "--json");
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("error").asText()).isEqualTo("syntax");
    assertThat(o.get("line").asInt()).isEqualTo(1);
    assertThat(o.get("column").asInt()).isEqualTo(13);
    assertThat(o.get("detail").asText()).contains("Expecting: <type>");
  }

  @Test
  void readingCommandsRefuseAMissingDatabaseInsteadOfCreatingOne() {
    Path missing = tmp.resolve("no-such-db");
    CliRun r = run("list", "--db", missing.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("no database at " + missing);
    assertThat(missing).doesNotExist();
  }

  @Test
  void boundsOutsideTheirRangeAreNamed() throws IOException {
    Path file = write("nil.rho", "Nil");
    assertThat(run("explore", file.toString(), "--workers", "40000").err())
        .contains("--workers must be between 1 and 1024, got 40000");
    assertThat(run("explore", file.toString(), "--timeout", "1e12").err())
        .contains("--timeout must be positive and at most");
    assertThat(run("show", "--db", tmp.toString(), "six").err()).contains("'six' is not a process id");
  }

  @Test
  void unreadableFilesAreNamed() throws IOException {
    Path binary = tmp.resolve("garbage.rho");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    CliRun r = run("parse", binary.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains(binary + ":1:1: not UTF-8 text (byte 0xFF)");

    CliRun dir = run("explore", tmp.toString() + "/x.rho");
    assertThat(dir.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(dir.err()).contains("x.rho: no such file");
  }
}
