package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.catalog.CatalogFile;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessStore;
import rhoscope.indexer.lucene.FeatureIndex;
import rhoscope.server.http.TestHttp;
import rhoscope.server.http.TestHttp.Reply;

/**
 * The durability the API promises: once {@code POST /api/processes} has answered 201, the process
 * is on disk, complete, in its final state. A real server JVM ({@code rhoscope serve}) is killed
 * as by kill -9 the moment the 201 arrives; the database is then read as the crash left it,
 * before any repair at open: the catalog row is {@code DONE} (not {@code PENDING}), the Lucene
 * index holds its document with the same fingerprint, and reopening serves the process with the
 * source that was sent. Repeated with other processes on the same database, each time a fresh
 * server over what the last kill left.
 */
class CrashIT {
  private static final String TOKEN = "crash";
  private static final Pattern SERVING = Pattern.compile("at http://[^:]+:(\\d+)/");
  private static final List<String> SOURCES =
      List.of(
          "new x in { x!(1) }",
          "new a, b in { a!(1) | for (@v <- a) { b!(v + 1) } }",
          "new ch in { contract ch(@n) = { Nil } | ch!(1) | ch!(2) }");

  @TempDir Path dir;

  @Test
  void aProcessAcknowledgedJustBeforeTheServerIsKilledIsStoredCompleteAndDone() throws Exception {
    Path db = dir.resolve("db");
    Path noDatasets = Files.createDirectories(dir.resolve("no-datasets"));
    Map<Long, String> acknowledged = new LinkedHashMap<>();
    for (int i = 0; i < SOURCES.size(); i++) {
      Process server = serve(db, noDatasets);
      try {
        int port = awaitPort(server);
        Reply r =
            new TestHttp(port)
                .post(
                    "/api/processes",
                    Map.of("name", "crash" + i, "dataset", "crash", "source", SOURCES.get(i)),
                    TOKEN);
        // kill -9 on the acknowledgement: nothing after the 201 gets to run
        server.destroyForcibly();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        acknowledged.put(r.json().get("id").asLong(), SOURCES.get(i));
      } finally {
        server.destroyForcibly();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertDoneWithoutRepair(db, acknowledged);
    }
    try (ProcessDatabase reopened = ProcessDatabase.open(db, 1)) {
      assertThat(reopened.list()).hasSize(SOURCES.size());
      for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
        ProcessRecord stored = reopened.get(e.getKey()).orElseThrow();
        assertThat(stored.source()).isEqualTo(e.getValue());
        assertThat(stored.features()).isNotNull();
      }
    }
  }

  /** The stores as the kill left them: every acknowledged row DONE and indexed, nothing pending. */
  private static void assertDoneWithoutRepair(Path db, Map<Long, String> acknowledged) {
    Map<Long, String> catalogPrints;
    try (CatalogFile catalog = CatalogFile.open(db)) {
      ProcessStore store = new ProcessStore(catalog);
      assertThat(store.idsWithStatus(ProcessStore.Status.PENDING)).isEmpty();
      assertThat(store.idsWithStatus(ProcessStore.Status.DONE))
          .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
      catalogPrints = store.fingerprints();
    }
    try (FeatureIndex index = FeatureIndex.open(db.resolve("lucene"))) {
      Map<Long, String> indexed = index.fingerprints();
      for (Long id : acknowledged.keySet()) {
        assertThat(indexed.get(id)).as("indexed fingerprint of " + id)
            .isEqualTo(catalogPrints.get(id));
      }
    }
  }

  /** {@code rhoscope serve} in a JVM of its own, on a free port, taking writes with the token. */
  private static Process serve(Path db, Path datasets) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String path = System.getProperty("java.class.path") + File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    List<String> command =
        new ArrayList<>(
            List.of(java, "-Xmx512m", "-Xss8m", "-cp", path, Main.class.getName(), "serve",
                "--db", db.toString(), "--port", "0", "--token", TOKEN,
                "--datasets", datasets.toString(), "--workers", "1"));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** The port the server announces in its "serving" line; its other output is echoed. */
  private static int awaitPort(Process server) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (!line.startsWith("WARNING:")) {
                    System.out.println("[serve] " + line);
                  }
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
                port.completeExceptionally(new AssertionError("the server ended before serving"));
              } catch (IOException e) {
                port.completeExceptionally(e);
              }
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
    return port.get(180, TimeUnit.SECONDS);
  }
}
