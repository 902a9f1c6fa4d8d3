package rhoscope.server.wire;

import java.util.Objects;

/**
 * The figures of one exploration ({@code rhoscope explore --json}): distinct states, transitions,
 * deadlocked and terminal states, the deepest level, whether it covered every reachable state and
 * why it stopped ({@code stopReason} in lower case), with the workers and the wall time.
 * {@code reduction}: {@code "por"} when {@code --por} explored a partial-order reduction (every
 * deadlocked and terminal state is still counted; states and transitions are the reduced
 * graph's), absent for the full state space.
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
    long elapsedMs,
    String reduction) {
  public ExploreAnswer {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(stopReason, "stopReason");
  }
}
