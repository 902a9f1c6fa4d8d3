package rhoscope.server.wire;

import java.util.Objects;

/**
 * {@code GET /api/health}: the server is up, with the database size and the query pool's load
 * (running, waiting for a worker, and still stopping after their budget ran out); on a member of a
 * cluster, the cluster as this member sees it ({@code processes} then counts the whole cluster's).
 */
public record Health(
    String status,
    long processes,
    int queriesRunning,
    int queriesQueued,
    int queriesOverdue,
    ClusterHealth cluster) {
  public Health {
    Objects.requireNonNull(status, "status");
  }

  /** The health of a server that is no member of a cluster. */
  public Health(
      String status, long processes, int queriesRunning, int queriesQueued, int queriesOverdue) {
    this(status, processes, queriesRunning, queriesQueued, queriesOverdue, null);
  }
}
