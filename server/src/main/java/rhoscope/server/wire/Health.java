package rhoscope.server.wire;

import java.util.Objects;

/**
 * {@code GET /api/health}: the server is up, with the database size and the query pool's load
 * (running, waiting for a worker, and still stopping after their budget ran out).
 */
public record Health(
    String status, long processes, int queriesRunning, int queriesQueued, int queriesOverdue) {
  public Health {
    Objects.requireNonNull(status, "status");
  }
}
