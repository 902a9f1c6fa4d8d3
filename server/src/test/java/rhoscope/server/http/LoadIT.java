package rhoscope.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.backend.DatabaseService;

/**
 * Many concurrent queries against one server over the real database, on loopback: a bounded
 * number of requests, at most {@value #CONCURRENCY} in flight, within {@value #DEADLINE_S} s.
 * Queries (answered by the planner, the checker and the verdict cache) and checks (always model
 * checked) are mixed. Every request must come back 200 with exactly the answer the same request
 * got alone beforehand: none fails, none is lost, none gets another's answer. Reports throughput
 * and latency percentiles to the log and to {@code target/load/report.txt}; asserts no timings.
 */
@Tag("slow")
class LoadIT {
  private static final Logger LOG = LoggerFactory.getLogger(LoadIT.class);
  static final Path CONTRACTS = Path.of("..", "datasets", "contracts");
  static final List<String> FILES =
      List.of(
          "embrace_deadlock.rho", "embrace_ordered_locks.rho", "mutex_lock.rho",
          "bank_atomic_withdraw.rho", "escrow_release_refund.rho", "philosophers_cyclic_3.rho");
  static final List<String> TYPES =
      List.of(
          "eventually deadlock",
          "deadlock_free",
          "terminates",
          "eventually race(balance)",
          "mutual_exclusion(\"critical\")",
          "eventually contains \"done\"!(\"p1\")");
  static final int REQUESTS = 2000;
  static final int CONCURRENCY = 32;
  static final int DEADLINE_S = 120;

  @TempDir static Path dir;

  /** One request, and the answer it got when sent alone (statistics and timings left out). */
  private record Probe(String path, String body, String expected) {}

  private record Outcome(Probe probe, int status, String body, long nanos) {}

  @Test
  void concurrentQueriesAllSucceedAndEachGetsItsOwnAnswer() throws Exception {
    ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"));
    List<Path> files = FILES.stream().map(CONTRACTS::resolve).toList();
    assertThat(db.index(files, IndexOptions.defaults(), IndexProgress.NONE).failed()).isEmpty();
    try (RhoscopeServer server =
        RhoscopeServer.start(ServerConfig.defaults(new DatabaseService(db)).withPort(0))) {
      String base = "http://127.0.0.1:" + server.port();
      TestHttp alone = new TestHttp(server.port());
      List<Probe> kinds = new ArrayList<>();
      for (String type : TYPES) {
        String query = TestHttp.write(Map.of("type", type));
        kinds.add(new Probe("/api/query", query, essence(alone.post("/api/query", query))));
        String id = alone.get("/api/processes?name=" + FILES.get(kinds.size() % FILES.size()))
            .json().get("items").get(0).get("id").asText();
        String check = TestHttp.write(Map.of("id", id, "type", type));
        kinds.add(new Probe("/api/check", check, essence(alone.post("/api/check", check))));
      }

      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      Semaphore inFlight = new Semaphore(CONCURRENCY);
      ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      List<CompletableFuture<Void>> all = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < REQUESTS; i++) {
        Probe probe = kinds.get(i % kinds.size());
        inFlight.acquire();
        long sent = System.nanoTime();
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + probe.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8))
                .build();
        all.add(
            client
                .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle(
                    (r, error) -> {
                      inFlight.release();
                      long took = System.nanoTime() - sent;
                      outcomes.add(
                          error != null
                              ? new Outcome(probe, -1, error.toString(), took)
                              : new Outcome(probe, r.statusCode(), r.body(), took));
                      return null;
                    }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(DEADLINE_S, TimeUnit.SECONDS);
      long elapsed = System.nanoTime() - start;

      assertThat(outcomes).hasSize(REQUESTS);
      for (Outcome o : outcomes) {
        assertThat(o.status()).as(o.body()).isEqualTo(200);
        HttpHeaders none = HttpHeaders.of(Map.of(), (name, value) -> true);
        assertThat(essence(new TestHttp.Reply(o.status(), o.body(), "", none)))
            .isEqualTo(o.probe().expected());
      }
      report(outcomes.stream().mapToLong(Outcome::nanos).toArray(), elapsed);
    }
  }

  /** What must not vary between two runs of a request: verdicts, matches and witnesses. */
  private static String essence(TestHttp.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    ObjectNode json = (ObjectNode) reply.json();
    json.remove(List.of("stats", "elapsedMs", "states"));
    // how long each match took, and whether the cache answered it, vary from run to run
    json.path("matches").forEach(m -> ((ObjectNode) m).remove(List.of("elapsedMs", "cached")));
    return json.toString();
  }

  private static void report(long[] latencies, long elapsedNanos) throws IOException {
    Arrays.sort(latencies);
    double seconds = elapsedNanos / 1e9;
    String text =
        String.format(
            "load: %d requests (%d processes, %d kinds of query and check), %d concurrent, %.2f s,"
                + " %.0f req/s; latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f%n",
            latencies.length,
            FILES.size(),
            2 * TYPES.size(),
            CONCURRENCY,
            seconds,
            latencies.length / seconds,
            percentile(latencies, 0.50),
            percentile(latencies, 0.90),
            percentile(latencies, 0.99),
            latencies[latencies.length - 1] / 1e6);
    LOG.info(text.strip());
    Path dir = Path.of("target", "load");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.txt"), text, StandardCharsets.UTF_8);
  }

  private static double percentile(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
