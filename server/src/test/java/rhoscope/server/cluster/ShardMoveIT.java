package rhoscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.http.TestHttp;
import rhoscope.server.wire.ClusterHealth;
import rhoscope.server.wire.MemberHealth;

/**
 * A shard's move between members, driven step by step: the processes go over as stored (their
 * verdicts with them, nothing checked again), a query at each step of the handover answers every
 * process once, and a member that comes back with old copies neither overwrites a newer write nor
 * brings a deleted process back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardMoveIT {
  private static final String TOKEN = "move-secret";
  private static final Path CONTRACTS = Path.of("..", "datasets", "contracts");
  private static final Duration BOUND = Duration.ofMinutes(3);
  private static final String TYPE = "deadlock_free";

  @TempDir static Path dir;

  private final List<ClusterMember> members = new ArrayList<>();
  private final List<RhoscopeServer> servers = new ArrayList<>();
  private List<Integer> ports;
  private List<String> addresses;
  private String clusterName;
  private int stored;

  @BeforeAll
  void startTwoMembersAndUploadTheContracts() throws IOException {
    ports = List.of(freePort(), freePort(), freePort());
    addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    clusterName = "rhoscope-move-" + ports.get(0);
    for (int i = 0; i < 2; i++) {
      startMember(i);
    }
    awaitSettled(2);
    TestHttp first = http(0);
    try (Stream<Path> files = Files.list(CONTRACTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".rho")).sorted().toList()) {
        upload(first, "contracts", file.getFileName().toString(), Files.readString(file));
        stored++;
      }
    }
    awaitSettled(2);
  }

  @AfterAll
  void stop() {
    servers.forEach(RhoscopeServer::stop);
  }

  @Test
  @Order(1)
  void aQueryAtEachStepOfAMoveAnswersEveryProcessOnceAndTheMoveChecksNothingAgain() {
    JsonNode before = query(http(0));
    assertThat(before.get("partial").asBoolean()).isFalse();
    List<String> expected = verdicts(before);
    assertThat(expected).isNotEmpty();

    Gate gate = new Gate();
    members.forEach(m -> m.onMove(gate));
    startMember(2).onMove(gate);

    String shard = gate.awaitAt(MoveHook.Step.COMMITTED);
    assertThat(holdersOf(shard)).as("both members have the shard's processes").hasSize(2);
    assertSameAnswer(query(http(2)), expected, before);

    gate.pass(MoveHook.Step.COMMITTED);
    gate.awaitAt(MoveHook.Step.HANDED_OVER);
    assertThat(holdersOf(shard)).as("the old holder still has its copy").hasSize(2);
    assertSameAnswer(query(http(1)), expected, before);

    gate.open();
    awaitSettled(3);
    assertThat(holdersOf(shard)).hasSize(1);
    JsonNode after = query(http(2));
    assertSameAnswer(after, expected, before);
    assertThat(after.at("/stats/checked").asLong()).as("checks run after the moves").isZero();
    assertThat(members.get(2).derived()).as("uploads analysed by the new member").isZero();
    long third =
        health().members().stream()
            .filter(m -> m.address().equals(members.get(2).address()))
            .mapToLong(MemberHealth::processes)
            .sum();
    assertThat(third).as("processes moved to the new member").isPositive();
  }

  @Test
  @Order(2)
  void aReturningMembersOldCopiesNeitherOverwriteANewerWriteNorBringADeleteBack() {
    TestHttp any = http(0);
    upload(any, "rejoin", "keep_a.rho", "new x in { x!(1) }");
    upload(any, "rejoin", "keep_b.rho", "new y in { y!(1) }");
    stored += 2;
    awaitSettled(3);
    List<String> holders = holdersOf(ShardKey.of("rejoin", "keep_a.rho"));
    assertThat(holders).hasSize(1);
    int gone = addresses.indexOf(holders.get(0));
    int other = (gone + 1) % 3;

    servers.get(gone).stop();
    await(() -> members.get(other).size() == 2, "the cluster to see the member leave");
    TestHttp alive = http(other);
    upload(alive, "rejoin", "keep_a.rho", "new x in { x!(2) }");
    long b = upload(alive, "rejoin", "keep_b.rho", "new y in { y!(2) }");
    assertThat(alive.delete("/api/processes/" + b, TOKEN).status()).isBetween(200, 204);
    // keep_a is written again, keep_b deleted: one process fewer than before the member left.
    stored--;

    startMember(gone);
    awaitSettled(3);
    // the returning member serves HTTP on a new port: ask one that stayed
    JsonNode page = alive.get("/api/processes?dataset=rejoin&limit=50").json();
    assertThat(page.get("total").asLong()).as(page.toString()).isEqualTo(1);
    JsonNode kept = page.get("items").get(0);
    assertThat(kept.get("name").asText()).isEqualTo("keep_a.rho");
    JsonNode a = alive.get("/api/processes/" + kept.get("id").asLong()).json();
    assertThat(a.get("source").asText()).isEqualTo("new x in { x!(2) }");
    assertThat(health().members().stream().mapToLong(MemberHealth::processes).sum())
        .isEqualTo(stored);
  }

  /**
   * Stops the first move it sees at each step until told to pass it; every other move goes on.
   */
  private static final class Gate implements MoveHook {
    private String shard;
    private Step reached;
    private final List<Step> passed = new ArrayList<>();
    private boolean open;

    @Override
    public synchronized void at(Step step, String s) throws InterruptedException {
      if (open || (shard != null && !shard.equals(s))) {
        return;
      }
      shard = s;
      reached = step;
      notifyAll();
      while (!open && !passed.contains(step)) {
        wait();
      }
    }

    synchronized String awaitAt(Step step) {
      long end = System.nanoTime() + BOUND.toNanos();
      while (reached != step) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no move reached " + step + " within " + BOUND);
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      return shard;
    }

    synchronized void pass(Step step) {
      passed.add(step);
      notifyAll();
    }

    synchronized void open() {
      open = true;
      notifyAll();
    }
  }

  private static void assertSameAnswer(JsonNode answer, List<String> expected, JsonNode before) {
    assertThat(answer.get("partial").asBoolean()).as(answer.toString()).isFalse();
    assertThat(verdicts(answer)).isEqualTo(expected);
    assertThat(answer.get("total").asLong()).isEqualTo(before.get("total").asLong());
  }

  private ClusterMember startMember(int i) {
    ClusterMember m =
        ClusterMember.start(
            new ClusterOptions(
                clusterName, "127.0.0.1", ports.get(i), addresses, 23, ClusterOptions.ONE_MACHINE),
            new DatabaseService(ProcessDatabase.open(dir.resolve("member" + i), 2)));
    RhoscopeServer server =
        RhoscopeServer.start(ServerConfig.defaults(m.service()).withPort(0).withToken(TOKEN));
    if (i < members.size()) {
      members.set(i, m);
      servers.set(i, server);
    } else {
      members.add(m);
      servers.add(server);
    }
    return m;
  }

  private TestHttp http(int member) {
    return new TestHttp(servers.get(member).port());
  }

  private long upload(TestHttp http, String dataset, String name, String source) {
    TestHttp.Reply r =
        http.post(
            "/api/processes", Map.of("name", name, "dataset", dataset, "source", source), TOKEN);
    assertThat(r.status()).as(r.body()).isBetween(200, 201);
    return r.json().get("id").asLong();
  }

  private ClusterHealth health() {
    return members.get(0).service().cluster().orElseThrow();
  }

  private List<String> holdersOf(String shard) {
    return health().members().stream()
        .filter(m -> m.shards().contains(shard))
        .map(MemberHealth::address)
        .toList();
  }

  private static JsonNode query(TestHttp http) {
    TestHttp.Reply r =
        http.post("/api/query", Map.of("type", TYPE, "limit", 500, "timeoutMs", 60_000));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Each match as dataset/name verdict method, sorted: ids change when a process moves. */
  private static List<String> verdicts(JsonNode answer) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : answer.get("matches")) {
      out.add(
          m.get("dataset").asText() + "/" + m.get("name").asText() + " "
              + m.get("verdict").asText() + " " + m.get("method").asText());
    }
    return out.stream().sorted().toList();
  }

  /** Every member settled and every process held once, with nothing unavailable. */
  private void awaitSettled(int size) {
    await(
        () -> {
          if (!members.stream().allMatch(m -> m.size() == size && m.settled())) {
            return false;
          }
          ClusterHealth h = health();
          return h.unavailable().isEmpty()
              && h.members().stream().mapToLong(MemberHealth::processes).sum() == stored;
        },
        "the cluster of " + size + " to settle");
  }

  /** What the members say of themselves, for a failure's message. */
  private String state() {
    StringBuilder out = new StringBuilder();
    for (ClusterMember m : members) {
      out.append("\n").append(m.address()).append(" size ").append(m.size())
          .append(" settled ").append(m.settled());
    }
    return out.append("\n").append(health()).toString();
  }

  private void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + " after " + BOUND + state());
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
