package rhoscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Three members in this JVM on 127.0.0.1 against one plain server over the same uploads: the
 * cluster answers as one machine does, spreads the processes over its members, and says which
 * shards it could not ask once a member is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final String TOKEN = "cluster-secret";
  private static final Path DATASETS = Path.of("..", "datasets");
  private static final Duration SETTLE = Duration.ofMinutes(3);
  private static final Duration STABLE = Duration.ofSeconds(5);
  private static final List<String> TYPES = List.of("eventually deadlock", "deadlock_free");

  @TempDir static Path dir;

  private final List<ClusterMember> members = new ArrayList<>();
  private final List<RhoscopeServer> servers = new ArrayList<>();
  private RhoscopeServer single;
  private int uploaded;
  private List<Integer> ports;
  private List<String> addresses;
  private String clusterName;

  @BeforeAll
  void startTheClusterAndOneMachineAndUploadTheDatasets() throws IOException {
    ports = List.of(freePort(), freePort(), freePort());
    addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    clusterName = "rhoscope-it-" + ports.get(0);
    for (int i = 0; i < 3; i++) {
      ClusterMember m =
          ClusterMember.start(
              new ClusterOptions(
                  clusterName, "127.0.0.1", ports.get(i), addresses, 23,
                  ClusterOptions.ONE_MACHINE),
              new DatabaseService(ProcessDatabase.open(dir.resolve("member" + i), 2)));
      members.add(m);
      servers.add(start(m.service()));
    }
    awaitSettled(3);
    single = start(new DatabaseService(ProcessDatabase.open(dir.resolve("single"), 2)));

    TestHttp first = new TestHttp(servers.get(0).port());
    TestHttp alone = new TestHttp(single.port());
    for (Path file : shippedFiles()) {
      Map<String, Object> body =
          Map.of(
              "name", file.getFileName().toString(),
              "dataset", file.getParent().getFileName().toString(),
              "source", Files.readString(file, StandardCharsets.UTF_8));
      assertThat(first.post("/api/processes", body, TOKEN).status()).as(file.toString()).isEqualTo(201);
      assertThat(alone.post("/api/processes", body, TOKEN).status()).isEqualTo(201);
      uploaded++;
    }
    awaitSettled(3);
  }

  @AfterAll
  void stop() {
    // The server the third test stopped is stopped again when the fourth could not replace it.
    servers.forEach(RhoscopeServer::stop);
    if (single != null) {
      single.stop();
    }
  }

  @Test
  @Order(1)
  void queriesThroughAnotherMemberAnswerAsOneMachineDoes() {
    TestHttp third = new TestHttp(servers.get(2).port());
    TestHttp alone = new TestHttp(single.port());
    for (String type : TYPES) {
      JsonNode cluster = query(third, type);
      JsonNode one = query(alone, type);
      assertThat(cluster.get("partial").asBoolean()).as(type).isFalse();
      assertThat(verdicts(cluster)).as(type).isEqualTo(verdicts(one)).isNotEmpty();
      assertThat(cluster.get("total").asLong()).isEqualTo(one.get("total").asLong());
      assertThat(cluster.at("/stats/processes").asLong()).isEqualTo(uploaded);
      assertThat(cluster.at("/stats/candidates").asLong())
          .isEqualTo(one.at("/stats/candidates").asLong());
    }
  }

  @Test
  @Order(2)
  void everyMemberOwnsSomeProcessesAndHealthCountsThemAll() {
    JsonNode health = new TestHttp(servers.get(2).port()).get("/api/health").json();
    assertThat(health.get("processes").asLong()).isEqualTo(uploaded);
    JsonNode listed = health.at("/cluster/members");
    assertThat(listed.size()).isEqualTo(3);
    long sum = 0;
    for (JsonNode m : listed) {
      assertThat(m.get("processes").asLong()).as(m.toString()).isPositive();
      sum += m.get("processes").asLong();
    }
    assertThat(sum).isEqualTo(uploaded);
    assertThat(health.at("/cluster/unavailable").size()).isZero();
    JsonNode page = new TestHttp(servers.get(0).port()).get("/api/processes?limit=500").json();
    assertThat(page.get("total").asLong()).isEqualTo(uploaded);
    long id = page.get("items").get(0).get("id").asLong();
    assertThat(new TestHttp(servers.get(1).port()).get("/api/processes/" + id).status())
        .isEqualTo(200);
  }

  /** Stops a member; the next test brings it back. */
  @Test
  @Order(3)
  void aQueryWithAMemberGoneIsPartialAndNamesItsShards() {
    TestHttp third = new TestHttp(servers.get(2).port());
    JsonNode before = third.get("/api/health").json();
    String gone = members.get(1).address();
    Set<String> goneShards = new TreeSet<>();
    for (JsonNode m : before.at("/cluster/members")) {
      if (m.get("address").asText().equals(gone)) {
        m.get("shards").forEach(s -> goneShards.add(s.asText()));
      }
    }
    assertThat(goneShards).isNotEmpty();
    JsonNode whole = query(new TestHttp(single.port()), TYPES.get(1));

    servers.get(1).stop();
    await(() -> members.get(2).size() == 2, "the cluster to see the member leave");

    JsonNode partial = query(third, TYPES.get(1));
    assertThat(partial.get("partial").asBoolean()).isTrue();
    Set<String> named = new TreeSet<>();
    partial.get("unavailable").forEach(s -> named.add(s.asText()));
    assertThat(named).isEqualTo(goneShards);
    List<String> expected =
        verdicts(whole).stream().filter(v -> !goneShards.contains(shardOf(v))).toList();
    assertThat(verdicts(partial)).isEqualTo(expected);
    JsonNode health = third.get("/api/health").json();
    assertThat(health.at("/cluster/members").size()).isEqualTo(2);
    assertThat(health.at("/cluster/unavailable").size()).isEqualTo(goneShards.size());
  }

  /** Runs last: the member stopped before comes back with its database. */
  @Test
  @Order(4)
  void aMemberThatReturnsServesItsProcessesAgain() {
    ClusterMember back =
        ClusterMember.start(
            new ClusterOptions(
                clusterName, "127.0.0.1", ports.get(1), addresses, 23, ClusterOptions.ONE_MACHINE),
            new DatabaseService(ProcessDatabase.open(dir.resolve("member1"), 2)));
    members.set(1, back);
    servers.set(1, start(back.service()));
    awaitSettled(3);

    TestHttp third = new TestHttp(servers.get(2).port());
    for (String type : TYPES) {
      JsonNode cluster = query(third, type);
      assertThat(cluster.get("partial").asBoolean()).as(type).isFalse();
      assertThat(verdicts(cluster)).as(type).isEqualTo(verdicts(query(new TestHttp(single.port()), type)));
    }
    JsonNode health = third.get("/api/health").json();
    assertThat(health.get("processes").asLong()).as("no process lost or doubled").isEqualTo(uploaded);
    assertThat(health.at("/cluster/unavailable").size()).isZero();
  }

  private static JsonNode query(TestHttp http, String type) {
    TestHttp.Reply r =
        http.post("/api/query", Map.of("type", type, "limit", 500, "timeoutMs", 60_000));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Each match as dataset/name verdict method, in the answer's order of rank. */
  private static List<String> verdicts(JsonNode answer) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : answer.get("matches")) {
      out.add(
          m.get("dataset").asText() + "/" + m.get("name").asText() + " "
              + m.get("verdict").asText() + " " + m.get("method").asText());
    }
    // Ids differ between the cluster and one machine; the rank within a verdict is by id, so
    // compare in name order within each verdict.
    return out.stream()
        .sorted((a, b) -> {
          int byVerdict = a.substring(a.indexOf(' ')).compareTo(b.substring(b.indexOf(' ')));
          return byVerdict != 0 ? byVerdict : a.compareTo(b);
        })
        .toList();
  }

  private static String shardOf(String verdict) {
    String process = verdict.substring(0, verdict.indexOf(' '));
    int slash = process.indexOf('/');
    return ShardKey.of(process.substring(0, slash), process.substring(slash + 1));
  }

  private RhoscopeServer start(rhoscope.server.http.ProcessService service) {
    return RhoscopeServer.start(ServerConfig.defaults(service).withPort(0).withToken(TOKEN));
  }

  /**
   * Waits until every member is settled and the placement (which member holds which shards, and
   * how many processes) has stayed the same for {@link #STABLE}, every process held once: a member
   * can be settled between two rounds of Hazelcast's repartitioning after a join, and the
   * health figures compared here are those of the final placement (ShardMoveIT queries during a
   * move).
   */
  private void awaitSettled(int size) {
    long[] stableSince = {System.nanoTime()};
    Object[] last = {null};
    await(
        () -> {
          List<MemberHealth> placement = null;
          if (members.stream().allMatch(m -> m.size() == size && m.settled())) {
            ClusterHealth health = members.get(0).service().cluster().orElseThrow();
            long held = health.members().stream().mapToLong(MemberHealth::processes).sum();
            if (health.unavailable().isEmpty() && held == uploaded) {
              placement = health.members();
            }
          }
          if (placement == null || !placement.equals(last[0])) {
            last[0] = placement;
            stableSince[0] = System.nanoTime();
            return false;
          }
          return System.nanoTime() - stableSince[0] >= STABLE.toNanos();
        },
        "the cluster of " + size + " to settle");
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + " after " + SETTLE);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private static List<Path> shippedFiles() {
    List<Path> out = new ArrayList<>();
    for (String folder : List.of("contracts", "pathways")) {
      try (Stream<Path> files = Files.list(DATASETS.resolve(folder))) {
        files
            .filter(f -> f.toString().endsWith(".rho") || f.toString().endsWith(".xml"))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
