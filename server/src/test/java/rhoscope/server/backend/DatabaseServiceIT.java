package rhoscope.server.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.Cancellation;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.IndexSummary;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.wire.Match;
import rhoscope.server.http.Deadline;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.http.QueryListener;
import rhoscope.server.http.QuerySpec;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.http.TestHttp;
import rhoscope.server.http.TestHttp.Reply;

/**
 * The real server over the real database: three shipped contracts (the deadly embrace, its fix by
 * lock order, a mutex), real types, real verdicts and witnesses, over HTTP.
 */
class DatabaseServiceIT {
  static final Path CONTRACTS = Path.of("..", "datasets", "contracts");
  static final List<String> FILES =
      List.of("embrace_deadlock.rho", "embrace_ordered_locks.rho", "mutex_lock.rho");
  private static final String TOKEN = "t0ken";

  @TempDir static Path dir;
  static ProcessDatabase db;
  static RhoscopeServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    db = ProcessDatabase.open(dir.resolve("db"));
    List<Path> files = new ArrayList<>();
    FILES.forEach(f -> files.add(CONTRACTS.resolve(f)));
    IndexSummary summary = db.index(files, IndexOptions.defaults(), IndexProgress.NONE);
    assertThat(summary.failed()).isEmpty();
    server =
        RhoscopeServer.start(
            ServerConfig.defaults(new DatabaseService(db)).withPort(0).withToken(TOKEN));
    http = new TestHttp(server.port());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static String idOf(String name) {
    JsonNode items = http.get("/api/processes?name=" + name).json().get("items");
    assertThat(items).as(name).hasSize(1);
    return items.get(0).get("id").asText();
  }

  @Test
  void theListingShowsTheIndexedContracts() {
    JsonNode page = http.get("/api/processes").json();
    assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(http.get("/api/health").json().get("processes").asLong())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void aProcessShowsItsSourceFeaturesAndPrintedForm() throws Exception {
    JsonNode p = http.get("/api/processes/" + idOf("embrace_deadlock")).json();
    assertThat(p.get("source").asText())
        .isEqualTo(Files.readString(CONTRACTS.resolve("embrace_deadlock.rho")));
    assertThat(p.get("features").get("declaredNames").toString()).contains("lockA", "lockB");
    assertThat(p.get("features").get("deadlockReachable").asBoolean()).isTrue();
    assertThat(p.get("process").asText()).contains("lockA");
  }

  @Test
  void aDeadlockQueryFindsTheEmbraceWithAWitnessThatReplaysToTheDeadlock() {
    JsonNode answer = http.post("/api/query", Map.of("type", "eventually deadlock")).json();
    List<String> names = new ArrayList<>();
    answer.get("matches").forEach(m -> names.add(m.get("name").asText()));
    assertThat(names).contains("embrace_deadlock.rho").doesNotContain("embrace_ordered_locks.rho");
    JsonNode match =
        answer.get("matches").get(names.indexOf("embrace_deadlock.rho"));
    assertThat(match.get("verdict").asText()).isEqualTo("yes");
    JsonNode frames = match.get("witness").get("steps");
    assertThat(frames.size()).isPositive();
    for (JsonNode f : frames) {
      assertThat(f.get("channel").get("kind").asText()).isEqualTo("private");
      assertThat(f.get("channel").get("label").asText()).startsWith("lock");
      assertThat(f.get("receiver").asText()).contains("for");
    }
    // After the last COMM both workers wait, each on the lock the other holds.
    String last = frames.get(frames.size() - 1).get("state").asText();
    assertThat(last).contains("lockA").contains("lockB");
    assertThat(answer.get("stats").get("processes").asInt()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aStreamedQueryEndsWithTheSameAnswer() {
    Reply r = http.postStream("/api/query", Map.of("type", "deadlock_free"));
    List<JsonNode> events = r.jsonLines();
    JsonNode done = events.getLast();
    assertThat(done.get("event").asText()).isEqualTo("done");
    List<String> names = new ArrayList<>();
    done.get("answer").get("matches").forEach(m -> names.add(m.get("name").asText()));
    assertThat(names).contains("embrace_ordered_locks.rho", "mutex_lock.rho")
        .doesNotContain("embrace_deadlock.rho");
  }

  @Test
  void aStreamedQueryEmitsMatchesAndProgressAsVerdictsArriveBeforeDone() {
    Reply r = http.postStream("/api/query", Map.of("type", "deadlock_free"));
    List<JsonNode> events = r.jsonLines();
    List<String> kinds = events.stream().map(e -> e.get("event").asText()).toList();
    assertThat(kinds.getLast()).isEqualTo("done");
    assertThat(kinds.subList(0, kinds.size() - 1)).doesNotContain("done", "error");
    // The candidates are announced before any check ends...
    JsonNode first = events.getFirst();
    assertThat(first.get("event").asText()).isEqualTo("progress");
    assertThat(first.get("checked").asLong()).isZero();
    long candidates = first.get("candidates").asLong();
    assertThat(candidates).isGreaterThanOrEqualTo(3);
    // ...then one progress line per verdict, counting up, with the matches among them.
    List<Long> checked =
        events.stream()
            .filter(e -> e.get("event").asText().equals("progress"))
            .map(e -> e.get("checked").asLong())
            .toList();
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i <= candidates; i++) {
      expected.add(i);
    }
    assertThat(checked).isEqualTo(expected);
    int done = kinds.size() - 1;
    List<String> streamed = new ArrayList<>();
    for (int i = 0; i < done; i++) {
      JsonNode e = events.get(i);
      if (e.get("event").asText().equals("match")) {
        streamed.add(e.get("match").get("name").asText());
        assertThat(e.get("match").get("verdict").asText()).isEqualTo("yes");
      }
    }
    assertThat(streamed).contains("embrace_ordered_locks.rho", "mutex_lock.rho");
    List<String> answered = new ArrayList<>();
    events.get(done).get("answer").get("matches").forEach(m -> answered.add(m.get("name").asText()));
    assertThat(streamed).containsExactlyInAnyOrderElementsOf(answered);
  }

  @Test
  void theServiceHearsEachMatchFromTheCheckersThreadsWhileTheQueryRuns() {
    Thread caller = Thread.currentThread();
    AtomicBoolean returned = new AtomicBoolean();
    List<String> matchedOn = new CopyOnWriteArrayList<>();
    List<String> late = new CopyOnWriteArrayList<>();
    QueryListener listener =
        new QueryListener() {
          @Override
          public void progress(long checked, long candidates) {
            if (returned.get()) {
              late.add("progress " + checked);
            }
          }

          @Override
          public void matched(Match match) {
            if (returned.get()) {
              late.add("match " + match.name());
            }
            if (Thread.currentThread() != caller) {
              matchedOn.add(match.name());
            }
          }
        };
    QueryAnswer answer =
        new DatabaseService(db)
            .query(
                new QuerySpec("deadlock_free", ProcessFilter.NONE, 0, 100, Duration.ofSeconds(30)),
                listener);
    returned.set(true);
    assertThat(late).isEmpty();
    assertThat(matchedOn)
        .as("matches come from the database's workers, as each check ends")
        .containsExactlyInAnyOrderElementsOf(answer.matches().stream().map(Match::name).toList())
        .contains("mutex_lock.rho");
  }

  /**
   * The query is stopped once its first verdict is in (the caller's token, cancelled by the
   * listener: no clock involved); one worker, so the other candidates had not started. The answer
   * keeps what was found and names the rest, each unknown with why.
   */
  @Test
  void aQueryStoppedAfterItsFirstVerdictAnswersWhatItFoundAndNamesTheRest() {
    try (ProcessDatabase one = ProcessDatabase.open(dir.resolve("one-worker"), 1)) {
      List<Path> files = new ArrayList<>();
      FILES.forEach(f -> files.add(CONTRACTS.resolve(f)));
      one.index(files, IndexOptions.defaults(), IndexProgress.NONE);
      Cancellation cancel = Cancellation.create();
      QueryListener stopAfterFirst =
          new QueryListener() {
            @Override
            public void progress(long checked, long candidates) {
              if (checked > 0) {
                cancel.cancel();
              }
            }

            @Override
            public void matched(Match match) {}
          };
      QueryAnswer answer =
          new DatabaseService(one)
              .prepareQuery(
                  new QuerySpec("terminates", ProcessFilter.NONE, 0, 100, Duration.ofSeconds(30)),
                  stopAfterFirst)
              .run(cancel, Deadline.startingNow(Duration.ofSeconds(30)));
      long candidates = answer.stats().candidates();
      assertThat(candidates).as("the planner leaves more than one").isGreaterThan(1);
      assertThat(answer.partial()).isTrue();
      assertThat(answer.stats().checked()).isEqualTo(1);
      assertThat(answer.unfinished()).hasSize((int) candidates - 1).allSatisfy(u -> {
        assertThat(u.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(u.reason()).isEqualTo("not checked: the query was cancelled before its turn");
        assertThat(FILES).contains(u.name());
      });
      assertThat(answer.total()).isEqualTo(answer.matches().size());
    }
  }

  @Test
  void checkDecidesAnInlineProcessAndAStoredOne() {
    JsonNode inline =
        http.post(
                "/api/check",
                Map.of("process", "new x in { x!(1) | for (@v <- x) { @\"out\"!(v) } }",
                    "type", "eventually contains \"out\"!(1)"))
            .json();
    assertThat(inline.get("verdict").asText()).isEqualTo("yes");
    assertThat(inline.get("witness").get("steps")).hasSize(1);
    assertThat(inline.get("witness").get("steps").get(0).get("state").asText()).contains("out");
    assertThat(inline.get("warnings")).isEmpty();

    JsonNode misspelt =
        http.post("/api/check", Map.of("process", "@\"out\"!(1)", "type", "eventually contains \"uot\"!(1)"))
            .json();
    assertThat(misspelt.get("warnings").get(0).asText())
        .contains("\"uot\"", "never uses", "\"out\"");

    JsonNode stored =
        http.post("/api/check", Map.of("id", idOf("mutex_lock"), "type", "deadlock_free")).json();
    assertThat(stored.get("verdict").asText()).isEqualTo("yes");
  }

  @Test
  void malformedInputPointsAtLineAndColumn() {
    Reply type = http.post("/api/types/parse", Map.of("type", "eventually\n  contains ((("));
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.json().get("line").asInt()).isEqualTo(2);

    Reply process =
        http.post(
            "/api/processes",
            Map.of("name", "broken", "dataset", "mine", "source", "new x in {\n  x!(1) |\n}"),
            TOKEN);
    assertThat(process.status()).as(process.body()).isEqualTo(400);
    assertThat(process.json().get("line").asInt()).isEqualTo(3);
    assertThat(process.json().get("column").asInt()).isPositive();

    Reply unknown = http.post("/api/query", Map.of("type", "no_such_named_type"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_named_type");
  }

  @Test
  void aProcessThatCannotCompileIsRefusedAtUploadWithItsPlaceAndNotStored() {
    int before = http.get("/api/processes").json().get("total").asInt();
    Reply free =
        http.post(
            "/api/processes",
            Map.of("name", "free", "dataset", "mine", "source", "new x in {\n  y!(1)\n}"),
            TOKEN);
    assertThat(free.status()).as(free.body()).isEqualTo(400);
    assertThat(free.json().get("error").asText()).isEqualTo("unbound_variable");
    assertThat(free.json().get("line").asInt()).isEqualTo(2);
    assertThat(free.json().get("column").asInt()).isPositive();

    String chain = "new x in {\n  x!(" + String.join(" + ", Collections.nCopies(20_000, "1")) + ")\n}";
    Reply deep =
        http.post("/api/processes", Map.of("name", "deep", "dataset", "mine", "source", chain), TOKEN);
    assertThat(deep.status()).as(deep.body()).isEqualTo(400);
    assertThat(deep.json().get("error").asText()).isEqualTo("too_deep");
    assertThat(deep.json().get("line").asInt()).isEqualTo(2);
    assertThat(http.get("/api/processes").json().get("total").asInt()).isEqualTo(before);
  }

  @Test
  void anAddedProcessIsQueriedReplacedAndRemoved() {
    Reply created =
        http.post(
            "/api/processes",
            Map.of("name", "pinger", "dataset", "mine",
                "source", "@\"ping\"!(1) | for (@n <- @\"ping\") { @\"pong\"!(n) }"),
            TOKEN);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();

    JsonNode answer =
        http.post(
                "/api/query",
                Map.of("type", "eventually contains \"pong\"!(1)", "filters", Map.of("dataset", "mine")))
            .json();
    assertThat(answer.get("matches")).hasSize(1);
    assertThat(answer.get("matches").get(0).get("id").asText()).isEqualTo(id);

    Reply replaced =
        http.post(
            "/api/processes",
            Map.of("name", "pinger", "dataset", "mine", "source", "@\"ping\"!(2)"),
            TOKEN);
    assertThat(replaced.json().get("source").asText()).isEqualTo("@\"ping\"!(2)");
    assertThat(http.get("/api/processes?dataset=mine").json().get("total").asInt()).isEqualTo(1);

    String newId = replaced.json().get("id").asText();
    assertThat(http.delete("/api/processes/" + newId, TOKEN).status()).isEqualTo(204);
    assertThat(http.get("/api/processes/" + newId).status()).isEqualTo(404);
  }

  /** SBML species overrides over HTTP; an SBML upload without a format is recognised as SBML. */
  @Test
  void sbmlUploadsAndChecksTakeSpeciesOverridesAndTheFormatIsInferred() throws Exception {
    String model = Files.readString(Path.of("..", "datasets", "pathways", "mapk_cascade.xml"));
    Reply plain =
        http.post("/api/processes",
            Map.of("name", "mapk.xml", "dataset", "sbml", "source", model), TOKEN);
    assertThat(plain.status()).as(plain.body()).isEqualTo(201);
    assertThat(plain.json().get("format").asText()).isEqualTo("sbml");
    Reply knockedOut =
        http.post("/api/processes",
            Map.of("name", "mapk_e1_ko", "dataset", "sbml", "source", model,
                "overrides", Map.of("E1", 0)),
            TOKEN);
    assertThat(knockedOut.status()).as(knockedOut.body()).isEqualTo(201);
    assertThat(knockedOut.json().get("format").asText()).isEqualTo("sbml");
    assertThat(knockedOut.json().get("semantics").asText()).contains("E1=0");
    assertThat(knockedOut.json().get("process").asText())
        .isNotEqualTo(plain.json().get("process").asText());
    // Shown again from the database, the stored overrides still apply.
    String id = knockedOut.json().get("id").asText();
    assertThat(http.get("/api/processes/" + id).json().get("process").asText())
        .isEqualTo(knockedOut.json().get("process").asText());

    Reply check =
        http.post("/api/check",
            Map.of("process", model, "overrides", Map.of("E1", 0), "type", "true"));
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().get("verdict").asText()).isEqualTo("yes");
    Reply reach =
        http.post("/api/check",
            Map.of("process", model, "overrides", Map.of("E1", 0),
                "type", "eventually contains \"K_PP\"!(_)"));
    assertThat(reach.status()).as(reach.body()).isEqualTo(200);
    assertThat(reach.json().get("verdict").asText()).isEqualTo("no");
    assertThat(reach.json().get("method").asText()).isEqualTo("closure");
    // the stored knock-out is queried through its closure too
    Reply stored =
        http.post("/api/check",
            Map.of("id", id, "type", "eventually contains \"K_PP\"!(_)"));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("verdict").asText()).isEqualTo("no");
    assertThat(stored.json().get("method").asText()).isEqualTo("closure");

    Reply negative =
        http.post("/api/check",
            Map.of("process", model, "overrides", Map.of("E1", -1), "type", "true"));
    assertThat(negative.status()).as(negative.body()).isEqualTo(400);
    Reply onRholang =
        http.post("/api/check",
            Map.of("process", "Nil", "overrides", Map.of("E1", 0), "type", "true"));
    assertThat(onRholang.status()).as(onRholang.body()).isEqualTo(400);
    Reply cliSpelling =
        http.post("/api/processes",
            Map.of("name", "m2.xml", "dataset", "sbml", "source", model,
                "semantics", "boolean --set E1=0"),
            TOKEN);
    assertThat(cliSpelling.status()).isEqualTo(400);
    assertThat(cliSpelling.json().get("detail").asText()).contains("'overrides'");
    for (Reply r : List.of(plain, knockedOut)) {
      http.delete("/api/processes/" + r.json().get("id").asText(), TOKEN);
    }
  }

  /**
   * QA's reproduction: an 800 KB {@code true or true or ...} type is refused at once (413), and a
   * long chain within the limit parses and answers instead of wedging a query slot. The budget is
   * generous on purpose: how fast a loaded test machine answers is not what this test checks.
   */
  @Test
  void aHugeTypeIsRefusedAtOnceAndALongChainWithinTheLimitIsAnsweredQuickly() {
    String huge = String.join(" or ", java.util.Collections.nCopies(100_000, "true"));
    Reply refused = http.post("/api/query", Map.of("type", huge, "timeoutMs", 60_000));
    assertThat(refused.status()).as(refused.body()).isEqualTo(413);
    assertThat(refused.json().get("error").asText()).isEqualTo("type_too_large");
    // within the parser's depth limit of 1,024 levels (a chain nests in the tree)
    String longChain = String.join(" or ", java.util.Collections.nCopies(1000, "true"));
    Reply answered = http.post("/api/query", Map.of("type", longChain, "timeoutMs", 60_000));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    JsonNode health = http.get("/api/health").json();
    assertThat(health.get("queriesQueued").asInt()).isZero();
  }

  @Test
  void theStandardLibraryIsListed() {
    JsonNode types = http.get("/api/types").json().get("types");
    List<String> names = new ArrayList<>();
    types.forEach(t -> names.add(t.get("name").asText()));
    assertThat(names).contains("deadlock_free", "terminates");
  }
}
