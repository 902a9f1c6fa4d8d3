package rhoscope.engine.explore;

import java.util.Objects;
import java.util.function.Predicate;
import rhoscope.engine.ChannelView;

/**
 * The partial-order reduction an exploration applies: which successors of a state it may leave
 * out because other interleavings of the same independent COMMs reach what matters. Two COMMs
 * commute when they share no channel and neither's continuation can put a thread on the other's
 * channels; a state then explores only the COMMs of one closed group of channels (a stubborn
 * set, see {@code rhoscope.engine.explore.por}). The explored states are a subset of the
 * reachable ones, each reached by a real path, so every witness replays.
 */
public sealed interface PartialOrder {
  /** Every enabled COMM is explored: the full state space, the exact counts. */
  record Off() implements PartialOrder {}

  /**
   * Keeps every reachable stuck state (no step possible), hence every deadlock and every
   * terminated state, and the counts of both; what lies between them is reduced.
   */
  record StuckStates() implements PartialOrder {}

  /**
   * Keeps, in addition, every reachable valuation of the threads on the channels
   * {@code observed} accepts: a state property that depends only on those threads is reachable
   * with the reduction if and only if it is without it. A COMM that consumes or produces a thread
   * on an observed channel is visible and is explored whenever any is.
   */
  record Observing(Predicate<ChannelView> observed) implements PartialOrder {
    public Observing {
      Objects.requireNonNull(observed, "observed");
    }
  }

  static PartialOrder off() {
    return new Off();
  }

  static PartialOrder stuckStates() {
    return new StuckStates();
  }

  static PartialOrder observing(Predicate<ChannelView> observed) {
    return new Observing(observed);
  }
}
