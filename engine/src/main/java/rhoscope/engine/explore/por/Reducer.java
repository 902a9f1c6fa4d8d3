package rhoscope.engine.explore.por;

import java.util.Optional;
import rhoscope.engine.Program;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.engine.reduce.Expander;

/**
 * Produces the successors an exploration takes from a state: the one place the explorers ask,
 * so a reduction changes which edges reach their sink and nothing else. Thread-safe; each
 * worker passes its own expander.
 */
public interface Reducer {
  /**
   * Reports to {@code sink} the COMMs to explore from {@code state} and returns how many it
   * reported (COMMs beyond the value limits included, as {@link Expander#expand} counts them):
   * zero exactly when the state is stuck.
   */
  int expand(Expander expander, int[] state, long fingerprint, Expander.Sink sink);

  /** The reducer {@code order} names, for states of {@code program}. */
  static Reducer of(PartialOrder order, Program program) {
    return switch (order) {
      case PartialOrder.Off off -> Expander::expand;
      case PartialOrder.StuckStates stuck -> new StubbornSets(new Footprints(program, Optional.empty()));
      case PartialOrder.Observing o -> new StubbornSets(new Footprints(program, Optional.of(o.observed())));
    };
  }
}
