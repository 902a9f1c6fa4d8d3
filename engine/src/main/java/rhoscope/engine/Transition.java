package rhoscope.engine;

import java.util.Objects;

/** A COMM of a state and the state it leads to. */
public record Transition(Trace.Comm comm, StateView target) {
  public Transition {
    Objects.requireNonNull(comm, "comm");
    Objects.requireNonNull(target, "target");
  }

  /** This COMM as a step of a trace. */
  public Trace.Step step() {
    return new Trace.Step(comm, target.fingerprint());
  }
}
