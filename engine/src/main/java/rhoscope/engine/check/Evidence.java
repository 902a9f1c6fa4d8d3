package rhoscope.engine.check;

import java.util.List;
import java.util.Objects;
import rhoscope.engine.Step;

/**
 * Why a verdict holds: the COMM steps from the initial state (channel, message, receiver) and the
 * state they lead to, printed as a process. A witness for a {@code yes} to an existential type
 * ends in a state of the wanted type; a counterexample for a {@code no} to a universal type ends
 * in a state that violates it. {@code fingerprint} identifies the final state for replay.
 */
public record Evidence(List<Step> steps, String finalState, long fingerprint) {
  public Evidence {
    steps = List.copyOf(steps);
    Objects.requireNonNull(finalState, "finalState");
  }
}
