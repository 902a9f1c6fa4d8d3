package rhoscope.server.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Exploration bounds shared by {@code explore} and {@code check}. */
final class Bounds {

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
    if (workers != null && workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    if (maxStates < 1) {
      throw new IllegalArgumentException("--max-states must be at least 1, got " + maxStates);
    }
    if (maxDepth != null && maxDepth < 0) {
      throw new IllegalArgumentException("--max-depth must be at least 0, got " + maxDepth);
    }
    if (!(timeoutSeconds > 0)) {
      throw new IllegalArgumentException("--timeout must be positive, got " + timeoutSeconds);
    }
  }
}
