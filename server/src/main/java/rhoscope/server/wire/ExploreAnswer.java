package rhoscope.server.wire;

import java.util.Objects;

/**
 * The figures of one exploration ({@code rhoscope explore --json}): distinct states, transitions,
 * deadlocked and terminal states, the deepest level, whether it covered every reachable state and
 * why it stopped ({@code stopReason} in lower case), with the workers and the wall time.
 */
public record ExploreAnswer(
    String file,
    long states,
    long transitions,
    long deadlocks,
    long terminal,
    long maxDepth,
    boolean complete,
    String stopReason,
    int workers,
    long elapsedMs) {
  public ExploreAnswer {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(stopReason, "stopReason");
  }
}
