package rhoscope.engine.explore;

import java.util.Objects;
import rhoscope.engine.Trace;

/** A recorded transition: the COMM and the index of the state it leads to. */
public record Edge(int target, Trace.Comm comm) {
  public Edge {
    Objects.requireNonNull(comm, "comm");
  }
}
