package rhoscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.Cancellation;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.Deadline;
import rhoscope.server.http.NewProcess;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.http.QueryListener;
import rhoscope.server.http.QuerySpec;
import rhoscope.server.wire.MemberHealth;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.SourceFormat;
import rhoscope.server.wire.Unfinished;

/**
 * Three members in this JVM, each holding a process whose check never ends by itself (no state
 * bound, a budget of an hour): a query over them ends on every member when its caller cancels it,
 * or when the caller's thread is given up on, and each member's workers are free again for the
 * next query. Without the forwarding the members would check for the whole hour and these tests
 * would hit their timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterCancelIT {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final String COUNTER =
      "new counter in { contract counter(@n) = { counter!(n + 1) } | counter!(0) }";
  private static final String DATASET = "cancel";

  @TempDir static Path dir;

  private final List<ClusterMember> members = new ArrayList<>();
  private final List<ProcessDatabase> databases = new ArrayList<>();
  private int counters;

  @BeforeAll
  void startThreeMembersEachHoldingACounter() throws IOException {
    List<Integer> ports = List.of(freePort(), freePort(), freePort());
    List<String> addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    for (int i = 0; i < 3; i++) {
      ProcessDatabase db = ProcessDatabase.open(dir.resolve("member" + i), 1);
      databases.add(db);
      members.add(
          ClusterMember.start(
              new ClusterOptions(
                  "rhoscope-cancel-" + ports.get(0), "127.0.0.1", ports.get(i), addresses, 23,
                  ClusterOptions.ONE_MACHINE),
              new DatabaseService(db, Long.MAX_VALUE)));
    }
    await(() -> members.stream().allMatch(m -> m.size() == 3 && m.settled()), "the cluster");
    // Each namespace k holds a counter and a ping, on the same member; one more namespace until
    // every member holds a counter.
    while (!everyMemberHoldsACounter()) {
      counters++;
      assertThat(counters).as("namespaces uploaded to reach every member").isLessThan(100);
      upload("k" + counters + "_counter", COUNTER);
      // Each ping its own value: identical sources would share one cached verdict.
      upload("k" + counters + "_ping", "new x in { x!(" + counters + ") }");
    }
  }

  @AfterAll
  void stop() {
    members.forEach(ClusterMember::close);
  }

  @Test
  void aQueryItsCallerCancelsEndsOnEveryMemberWithWhatItHas() throws Exception {
    Cancellation cancel = Cancellation.create();
    CountDownLatch everyMemberChecks = new CountDownLatch(1);
    // A thread of its own, as the query runner gives each query.
    ExecutorService caller = Executors.newSingleThreadExecutor();
    QueryAnswer a;
    try {
      Future<QueryAnswer> answer =
          caller.submit(
              () -> members.get(2).service()
                  .prepareQuery(spec("counter"), allCandidatesKnown(everyMemberChecks))
                  .run(cancel, Deadline.startingNow(HOUR)));
      everyMemberChecks.await();

      // What the query runner does once the budget is spent: the query is to answer what it has.
      cancel.cancel();
      a = answer.get();
    } finally {
      caller.shutdownNow();
    }

    assertThat(a.partial()).isTrue();
    assertThat(a.unfinished())
        .hasSize(counters)
        .extracting(Unfinished::reason)
        .allSatisfy(reason -> assertThat(reason).contains("cancelled"));
    for (ClusterMember m : members) {
      assertThat(m.runningQueries()).as(m.address()).isZero();
    }
    aQueryOverThePingsIsCheckedOnEveryMember();
  }

  @Test
  void aQueryWhoseCallerIsInterruptedStopsOnEveryMember() throws Exception {
    CountDownLatch everyMemberChecks = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                members.get(0).service()
                    .prepareQuery(spec("counter"), allCandidatesKnown(everyMemberChecks))
                    .run(Cancellation.create(), Deadline.startingNow(HOUR));
              } catch (RuntimeException e) {
                failure.set(e);
              }
            },
            "cancel-it-caller");
    caller.start();
    everyMemberChecks.await();

    // What the query runner does when it gives up on a query: its client left, or its grace ran out.
    caller.interrupt();
    caller.join();

    assertThat(failure.get()).hasMessageContaining("every member was told to stop");
    await(
        () -> members.stream().allMatch(m -> m.runningQueries() == 0),
        "every member to free the workers of the query given up on");
    aQueryOverThePingsIsCheckedOnEveryMember();
  }

  /**
   * While a member's counters' checks hold its one explorer worker, its pings wait for them: a
   * query over every ping, its verdicts not cached, answers in full only once every member's
   * workers are free again.
   */
  private void aQueryOverThePingsIsCheckedOnEveryMember() {
    databases.forEach(ProcessDatabase::clearCaches);
    QueryAnswer pings = members.get(1).service().query(spec("ping"), QueryListener.NONE);
    assertThat(pings.partial()).isFalse();
    assertThat(pings.stats().candidates()).isEqualTo(counters);
    assertThat(pings.stats().checked()).isEqualTo(counters);
  }

  /** Counts down once every member has told the caller its candidates: their checks have begun. */
  private QueryListener allCandidatesKnown(CountDownLatch latch) {
    return new QueryListener() {
      @Override
      public void progress(long checked, long candidates) {
        if (candidates == counters) {
          latch.countDown();
        }
      }

      @Override
      public void matched(Match match) {}
    };
  }

  private static QuerySpec spec(String nameContains) {
    return new QuerySpec(
        "deadlock_free", new ProcessFilter(DATASET, nameContains, null), 0, 100, HOUR);
  }

  private boolean everyMemberHoldsACounter() {
    List<MemberHealth> health = members.get(0).service().cluster().orElseThrow().members();
    return health.size() == 3
        && health.stream().allMatch(h -> h.shards().stream().anyMatch(s -> s.startsWith(DATASET + "/")));
  }

  private void upload(String name, String source) {
    members.get(0).service()
        .stage(new NewProcess(name, DATASET, SourceFormat.RHOLANG, null, null, source, false))
        .commit();
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + " after " + WAIT);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
