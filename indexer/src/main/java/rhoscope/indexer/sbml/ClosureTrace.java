package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rhoscope.engine.ChannelKind;
import rhoscope.engine.Program;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.ThreadView;
import rhoscope.engine.Trace;
import rhoscope.engine.Transition;

/**
 * Turns the closure's firings into an engine trace of the translated process, so that a closure
 * witness replays with {@link Program#replay} like any other: each firing is the COMM of one of
 * its reaction's joins that keeps every consumed reactant present and makes exactly the firing's
 * products present. Linear in the witness, one expansion of a state per firing.
 */
final class ClosureTrace {
  private ClosureTrace() {}

  /**
   * The trace, or empty when {@code program} is not the translation the closure was computed for
   * (its initial species differ, or some firing has no such COMM): then the closure must not
   * answer for it.
   */
  static Optional<Trace> of(
      Program program, PresenceClosure closure, List<PresenceClosure.Firing> firings) {
    StateView state = program.initialState();
    Set<String> present = present(state);
    if (!present.equals(closure.initiallyPresent())) {
      return Optional.empty();
    }
    List<Trace.Step> steps = new ArrayList<>(firings.size());
    for (PresenceClosure.Firing firing : firings) {
      Set<String> wanted = new HashSet<>(present);
      wanted.addAll(firing.madePresent());
      Optional<Transition> step = step(program, state, wanted, closure.requires(firing.reaction()));
      if (step.isEmpty()) {
        return Optional.empty();
      }
      steps.add(step.get().step());
      state = step.get().target();
      present = wanted;
    }
    return Optional.of(new Trace(program.initialState().fingerprint(), steps));
  }

  /**
   * A COMM of {@code state} leading to exactly {@code wanted} present; of the reaction's own joins
   * (whose first bind is one of its required species) when one does, as several reactions may
   * have the same effect.
   */
  private static Optional<Transition> step(
      Program program, StateView state, Set<String> wanted, List<String> requires) {
    Transition same = null;
    for (Transition t : program.successors(state)) {
      if (present(t.target()).equals(wanted)) {
        if (requires.contains(t.comm().channel().label())) {
          return Optional.of(t);
        }
        same = same == null ? t : same;
      }
    }
    return Optional.ofNullable(same);
  }

  /** The species with a message on their public name. */
  static Set<String> present(StateView state) {
    Set<String> out = new HashSet<>();
    for (ThreadView t : state.threads()) {
      if (t instanceof SendView s && s.channel().kind() == ChannelKind.STRING) {
        out.add(s.channel().label());
      }
    }
    return out;
  }
}
