package rhoscope.server.api;

import java.util.List;
import java.util.Objects;

/** Evidence for a verdict: the initial state and the COMM steps that lead to the deciding state. */
public record Witness(String initialState, List<Frame> frames) {
  public Witness {
    Objects.requireNonNull(initialState, "initialState");
    frames = List.copyOf(frames);
  }
}
