package rhoscope.engine.explore.por;

import java.util.Optional;
import java.util.function.Supplier;
import rhoscope.engine.Program;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.engine.reduce.Expander;
import rhoscope.engine.state.Observed;

/**
 * Produces the successors an exploration takes from a state: the one place the explorers ask,
 * so a reduction changes which edges reach their sink and nothing else. Not thread-safe: each
 * worker has its own, and passes its own expander.
 */
public interface Reducer {
  /**
   * Reports to {@code sink} the COMMs to explore from {@code state} and returns how many it
   * reported (COMMs beyond the value limits included, as {@link Expander#expand} counts them):
   * zero exactly when the state is stuck.
   */
  int expand(Expander expander, int[] state, long fingerprint, Expander.Sink sink);

  /**
   * The reducers {@code order} names, for states of {@code program} told apart by
   * {@code identity}, one per call: each keeps buffers of its own (no thread-local state, which
   * a shared pool's threads would keep, with the program, after the run) and shares what it
   * learns of the program's threads with the others. Each reduces every copy of a state alike.
   */
  static Supplier<Reducer> of(PartialOrder order, Program program, Observed identity) {
    return switch (order) {
      case PartialOrder.Off off -> () -> Expander::expand;
      case PartialOrder.StuckStates stuck ->
          stubborn(new Footprints(program, Optional.empty(), identity));
      case PartialOrder.Observing o ->
          stubborn(new Footprints(program, Optional.of(o.observed()), identity));
    };
  }

  private static Supplier<Reducer> stubborn(Footprints footprints) {
    return () -> new StubbornSets(footprints);
  }
}
