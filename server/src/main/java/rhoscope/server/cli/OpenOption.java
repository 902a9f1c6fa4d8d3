package rhoscope.server.cli;

import picocli.CommandLine.Option;
import rhoscope.engine.open.OpenSystem;

/** {@code --open [--calls N]}: check beside a most-general client, shared by check and query. */
final class OpenOption {
  /** Each call multiplies the states; more than this is a typo rather than a plan. */
  private static final int MAX_CALLS = 8;

  @Option(
      names = "--open",
      description = "Check the process as a library: beside a most-general client that calls its"
          + " contracts on public names (up to --calls calls, concurrently). Only a caller left"
          + " waiting for an answer counts as a deadlock.")
  boolean open;

  @Option(
      names = "--calls",
      paramLabel = "N",
      description = "The most calls the --open client makes in total (default: "
          + OpenSystem.DEFAULT_CALLS + "; 0 is the closed process; given alone, it opens).")
  Integer calls;

  OpenSystem system() {
    if (calls != null && (calls < 0 || calls > MAX_CALLS)) {
      throw new IllegalArgumentException(
          "--calls must be between 0 and " + MAX_CALLS + ", got " + calls);
    }
    if (calls != null) {
      return OpenSystem.calls(calls);
    }
    return open ? OpenSystem.calls(OpenSystem.DEFAULT_CALLS) : OpenSystem.closed();
  }
}
