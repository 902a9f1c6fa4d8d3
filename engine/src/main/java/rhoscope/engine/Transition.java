package rhoscope.engine;

import java.util.Objects;

/** A COMM step and the state it leads to. */
public record Transition(Step step, StateView target) {
  public Transition {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(target, "target");
  }
}
