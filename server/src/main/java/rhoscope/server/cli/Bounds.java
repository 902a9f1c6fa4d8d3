package rhoscope.server.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Exploration bounds shared by {@code explore} and {@code check}. */
final class Bounds {
  /** More workers than this only add contention, whatever the machine. */
  private static final int MAX_WORKERS = 1024;

  /** A week: longer is a typo, and would overflow the engine's deadline arithmetic. */
  static final double MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Worker threads (default: the number of cores).")
  Integer workers;

  @Option(
      names = "--max-states",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Stop after this many distinct states (default: ${DEFAULT-VALUE}).")
  long maxStates;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description = "Do not expand states deeper than this.")
  Integer maxDepth;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Stop after this many seconds (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  int workersOrDefault() {
    return workers == null ? Runtime.getRuntime().availableProcessors() : workers;
  }

  Duration timeout() {
    return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
  }

  void validate() {
    if (workers != null && (workers < 1 || workers > MAX_WORKERS)) {
      throw new UsageException(
          "--workers must be between 1 and " + MAX_WORKERS + ", got " + workers);
    }
    if (maxStates < 1) {
      throw new UsageException("--max-states must be at least 1, got " + maxStates);
    }
    if (maxDepth != null && maxDepth < 0) {
      throw new UsageException("--max-depth must be at least 0, got " + maxDepth);
    }
    if (!(timeoutSeconds > 0) || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new UsageException(
          "--timeout must be positive and at most " + (long) MAX_TIMEOUT_SECONDS
              + " seconds (a week), got " + timeoutSeconds);
    }
  }
}
