package rhoscope.engine.explore;

import java.util.Objects;
import rhoscope.engine.Step;

/** A recorded transition: the COMM and the index of the state it leads to. */
public record Edge(int target, Step step) {
  public Edge {
    Objects.requireNonNull(step, "step");
  }
}
