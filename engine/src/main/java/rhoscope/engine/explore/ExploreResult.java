package rhoscope.engine.explore;

import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.Trace;

/**
 * What an exploration found. Deadlocked and terminal counts cover the states that were
 * expanded; {@code maxDepth} is the BFS depth of the deepest state found.
 */
public record ExploreResult(
    long distinctStates,
    long transitions,
    long deadlockedStates,
    long terminalStates,
    int maxDepth,
    boolean complete,
    StopReason stopReason,
    long millis,
    Optional<Trace> witness,
    Optional<StateGraph> graph) {

  public ExploreResult {
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(graph, "graph");
    if (complete != (stopReason == StopReason.COMPLETE)) {
      throw new IllegalArgumentException("complete must match the stop reason");
    }
  }
}
