package rhoscope.server.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the server.
 *
 * @param service the database and checker behind the routes; the server closes it on stop
 * @param host the address to listen on (loopback unless the operator opens it)
 * @param port the port, 0 for any free one
 * @param token the token writes must carry; empty disables writes
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param defaultQueryTimeout the budget of a query that names none
 * @param maxQueryTimeout the most a query may ask for
 * @param queryWorkers queries that run at once; the rest wait in a queue
 * @param maxQueuedQueries waiting queries beyond this are refused with 503
 */
public record ServerConfig(
    ProcessService service,
    String host,
    int port,
    Optional<String> token,
    long maxBodyBytes,
    Duration defaultQueryTimeout,
    Duration maxQueryTimeout,
    int queryWorkers,
    int maxQueuedQueries) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;

  public ServerConfig {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(defaultQueryTimeout, "defaultQueryTimeout");
    Objects.requireNonNull(maxQueryTimeout, "maxQueryTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxBodyBytes < 1 || queryWorkers < 1 || maxQueuedQueries < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (defaultQueryTimeout.compareTo(maxQueryTimeout) > 0) {
      throw new IllegalArgumentException("default query timeout exceeds the maximum");
    }
  }

  /**
   * Loopback, port 7070, no token, 4 MiB bodies (SBML models run to a few hundred KiB), 10 s
   * queries (60 s at most), one query per core with a queue of 64.
   */
  public static ServerConfig defaults(ProcessService service) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerConfig(
        service,
        DEFAULT_HOST,
        DEFAULT_PORT,
        Optional.empty(),
        4L << 20,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Math.max(1, cores),
        64);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(
        service, newHost, port, token, maxBodyBytes, defaultQueryTimeout, maxQueryTimeout,
        queryWorkers, maxQueuedQueries);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        service, host, newPort, token, maxBodyBytes, defaultQueryTimeout, maxQueryTimeout,
        queryWorkers, maxQueuedQueries);
  }

  public ServerConfig withToken(String newToken) {
    return new ServerConfig(
        service, host, port, Optional.ofNullable(newToken).filter(t -> !t.isEmpty()),
        maxBodyBytes, defaultQueryTimeout, maxQueryTimeout, queryWorkers, maxQueuedQueries);
  }

  public ServerConfig withMaxBodyBytes(long bytes) {
    return new ServerConfig(
        service, host, port, token, bytes, defaultQueryTimeout, maxQueryTimeout, queryWorkers,
        maxQueuedQueries);
  }

  public ServerConfig withQueryTimeouts(Duration byDefault, Duration max) {
    return new ServerConfig(
        service, host, port, token, maxBodyBytes, byDefault, max, queryWorkers, maxQueuedQueries);
  }

  public ServerConfig withQueryPool(int workers, int queued) {
    return new ServerConfig(
        service, host, port, token, maxBodyBytes, defaultQueryTimeout, maxQueryTimeout, workers,
        queued);
  }
}
