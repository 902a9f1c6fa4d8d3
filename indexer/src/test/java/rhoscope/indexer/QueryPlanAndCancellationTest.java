package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.Cancellation;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.ParsedType;
import rhoscope.lang.parse.TypeParser;

/** A query runs the plan its request carries, and stops when its token is cancelled. */
class QueryPlanAndCancellationTest {
  private static final String PING =
      "new ping in { ping!(1) | for (x <- ping) { @\"pong\"!(x) } }";
  private static final String QUERY = "eventually contains \"pong\"!(1)";

  @TempDir Path dir;

  @BeforeEach
  void sources() throws IOException {
    for (int i = 0; i < 8; i++) {
      Path f = dir.resolve("src").resolve("ping" + i + ".rho");
      Files.createDirectories(f.getParent());
      Files.writeString(f, i % 2 == 0 ? PING : "@\"pong\"!(" + (i + 10) + ")", StandardCharsets.UTF_8);
    }
  }

  private ProcessDatabase open() {
    ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"), 2);
    db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
    return db;
  }

  @Test
  void theQueryRunsTheRequestsPlanAndNeverParsesItsTextAgain() {
    ParsedType real = TypeParser.parse("query", QUERY);
    // The text is not a type: any layer that parsed it again would fail the query.
    ParsedType parsedOnce =
        new ParsedType("query", "<not parsed again>", real.definitions(), real.type(),
            real.scope(), real.positions());
    CheckPlan plan = CheckPlan.compile(parsedOnce);
    try (ProcessDatabase db = open()) {
      for (boolean planner : new boolean[] {true, false}) {
        QueryResult r = db.query(QueryRequest.of(plan).withPlanner(planner).withCache(false));
        assertThat(r.type()).isEqualTo("<not parsed again>");
        assertThat(r.normalizedType()).isEqualTo(real.normalizedKey());
        assertThat(r.results()).extracting(ProcessVerdict::verdict).containsOnly(Verdict.YES);
        assertThat(r.results()).hasSize(4);
      }
    }
  }

  @Test
  void everyQueryChecksOnTheDatabasesOnePoolAndMakesNoThreadsOfItsOwn() {
    try (ProcessDatabase db = open()) {
      Set<Thread> threads = ConcurrentHashMap.newKeySet();
      QueryProgress progress = v -> threads.add(Thread.currentThread());
      for (int i = 0; i < 10; i++) {
        db.query(QueryRequest.of(QUERY).withPlanner(false).withCache(false), progress);
      }
      Set<ForkJoinPool> pools =
          threads.stream()
              .map(t -> t instanceof ForkJoinWorkerThread w ? w.getPool() : null)
              .collect(Collectors.toSet());
      assertThat(pools).as("the pools verdicts came from").hasSize(1).doesNotContainNull();
      // Ten queries of eight candidates on fresh threads would have shown more than ten.
      assertThat(threads).hasSizeLessThan(10);
    }
  }

  @Test
  void aQueryCancelledBeforeItsFirstCheckChecksNothing() {
    try (ProcessDatabase db = open()) {
      Cancellation cancel = Cancellation.create();
      Queue<ProcessVerdict> heard = new ConcurrentLinkedQueue<>();
      QueryProgress progress =
          new QueryProgress() {
            @Override
            public void candidates(int count) {
              // The user gives up once the candidates are known: no timing involved.
              cancel.cancel();
            }

            @Override
            public void verdict(ProcessVerdict v) {
              heard.add(v);
            }
          };
      QueryResult r = db.query(QueryRequest.of(QUERY).withPlanner(false), progress, cancel);
      assertThat(heard).isEmpty();
      assertThat(r.stats().checked()).isZero();
      assertThat(r.results()).isEmpty();
      // what it did not do, it says: every candidate named, unknown, with why
      assertThat(r.partial()).isTrue();
      assertThat(r.unfinished()).hasSize(8).allSatisfy(v -> {
        assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(v.reason()).isEqualTo("not checked: the query was cancelled before its turn");
      });
    }
  }

  @Test
  void aQueryWhoseTimeIsOverBeforeItsFirstTurnNamesEveryCandidateUnfinished() {
    try (ProcessDatabase db = open()) {
      // a nanosecond has passed before the index has even been searched: no race with the clock
      QueryResult r =
          db.query(QueryRequest.of(QUERY).withPlanner(false).withTotalTime(Duration.ofNanos(1)));
      assertThat(r.stats().checked()).isZero();
      assertThat(r.results()).isEmpty();
      assertThat(r.unfinished())
          .extracting(ProcessVerdict::name)
          .containsExactlyInAnyOrder(
              "ping0.rho", "ping1.rho", "ping2.rho", "ping3.rho", "ping4.rho", "ping5.rho",
              "ping6.rho", "ping7.rho");
      assertThat(r.unfinished())
          .allSatisfy(v -> assertThat(v.reason()).contains("the query's time of 0 ms ran out"));
    }
  }

  @Test
  void aQueryStoppedAfterItsFirstVerdictKeepsWhatItFoundAndNamesTheRest() {
    // one worker: candidates take their turns one after another, so "after the first verdict"
    // leaves exactly the other seven unfinished
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db1"), 1)) {
      db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
      Cancellation cancel = Cancellation.create();
      QueryProgress progress = v -> cancel.cancel();
      QueryResult r =
          db.query(QueryRequest.of(QUERY).withPlanner(false).withCache(false), progress, cancel);
      assertThat(r.stats().checked()).isEqualTo(1);
      assertThat(r.unfinished()).hasSize(7);
      assertThat(r.results()).hasSizeLessThanOrEqualTo(1);
      assertThat(r.partial()).isTrue();
    }
  }

  @Test
  void aCheckCancelledMidQueryIsUnknownAndNeverCached() {
    try (ProcessDatabase db = open()) {
      Cancellation cancel = Cancellation.create();
      Queue<ProcessVerdict> heard = new ConcurrentLinkedQueue<>();
      QueryProgress progress =
          v -> {
            heard.add(v);
            cancel.cancel();
          };
      QueryResult r = db.query(QueryRequest.of(QUERY).withPlanner(false), progress, cancel);
      assertThat(heard).isNotEmpty().hasSizeLessThanOrEqualTo(8);
      // what the cancellation cut short is unknown, says so, and is told only in the result
      assertThat(heard.size() + r.unfinished().size()).isEqualTo(8);
      assertThat(r.unfinished())
          .allSatisfy(v -> {
            assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(v.reason()).contains(ModelChecker.CANCELLED);
          });
      assertThat(heard).extracting(ProcessVerdict::id)
          .doesNotContainAnyElementsOf(r.unfinished().stream().map(ProcessVerdict::id).toList());

      QueryResult again = db.query(QueryRequest.of(QUERY).withPlanner(false));
      assertThat(again.stats().unknown()).isZero();
      assertThat(again.results()).hasSize(4);
    }
  }
}
