package rhoscope.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.http.TestHttp;
import rhoscope.server.backend.DatabaseService;

/**
 * The database the browser sees: three shipped contracts (the deadly embrace, its fix by lock
 * order, a mutex) in a real database. What the page must show is read from the API, so the test
 * checks that the page presents the server's answer faithfully.
 */
final class BrowserFixture {
  static final Path CONTRACTS = Path.of("..", "datasets", "contracts");
  static final String QUERY = "eventually deadlock";
  static final String MALFORMED_QUERY = "eventually ((";
  static final String DEADLOCKING = "embrace_deadlock.rho";

  private BrowserFixture() {}

  static RhoscopeServer startServer(Path dbDir) {
    ProcessDatabase db = ProcessDatabase.open(dbDir);
    var summary =
        db.index(
            List.of(
                CONTRACTS.resolve(DEADLOCKING),
                CONTRACTS.resolve("embrace_ordered_locks.rho"),
                CONTRACTS.resolve("mutex_lock.rho")),
            IndexOptions.defaults(),
            IndexProgress.NONE);
    assertThat(summary.failed()).isEmpty();
    return RhoscopeServer.start(ServerConfig.defaults(new DatabaseService(db)).withPort(0));
  }

  /** The server's own answer to {@link #QUERY}, to hold the page to. */
  static JsonNode answer(RhoscopeServer server) {
    return new TestHttp(server.port()).post("/api/query", Map.of("type", QUERY)).json();
  }

  /** The match for the deadlocking contract in an answer. */
  static JsonNode deadlockingMatch(JsonNode answer) {
    for (JsonNode m : answer.get("matches")) {
      if (m.get("name").asText().equals(DEADLOCKING)) {
        return m;
      }
    }
    throw new AssertionError("the server did not find " + DEADLOCKING + ": " + answer);
  }
}
