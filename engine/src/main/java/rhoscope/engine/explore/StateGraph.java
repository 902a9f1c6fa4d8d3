package rhoscope.engine.explore;

import java.util.List;
import rhoscope.engine.StateView;

/**
 * The explicit transition system of an exploration, states numbered 0..size-1 in BFS
 * order. A state whose successors were not explored (a bound stopped the run) has an empty
 * or partial edge list; compare with {@code Program.successors} to tell.
 */
public interface StateGraph {
  int size();

  int initial();

  StateView state(int index);

  List<Edge> successors(int index);
}
