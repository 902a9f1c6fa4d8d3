package rhoscope.engine;

import java.util.List;
import java.util.Objects;

/** The COMM steps from the initial state to {@code state}. */
public record Witness(List<Step> steps, StateView state) {
  public Witness {
    steps = List.copyOf(steps);
    Objects.requireNonNull(state, "state");
  }
}
