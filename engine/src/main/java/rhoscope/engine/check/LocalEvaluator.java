package rhoscope.engine.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Transition;
import rhoscope.lang.ast.type.Type;

/**
 * Decides a fixpoint-free type at one state, computing successors on demand for its modalities
 * (as deep as the type nests them). This is the stop predicate of on-the-fly checks, so it
 * must be safe to call from many workers: it keeps no state between calls (beyond a cache
 * of printed threads).
 */
final class LocalEvaluator {
  private final Program program;
  /** Printed threads for race(n): a cache of a pure function, safe to share between workers. */
  private final Prints prints = new Prints();

  LocalEvaluator(Program program) {
    this.program = program;
  }

  /** Whether {@code type} has no fixpoint, so that one state and its successors decide it. */
  static boolean isLocal(Type type) {
    return type.binder().isEmpty()
        && !(type instanceof Type.Var)
        && type.operands().stream().allMatch(LocalEvaluator::isLocal);
  }

  boolean holds(Type type, StateView state) {
    return holds(type, state, new IdentityHashMap<>());
  }

  private boolean holds(Type type, StateView state, Map<StateView, List<Transition>> successors) {
    return switch (type) {
      case Type.True t -> true;
      case Type.False f -> false;
      case Type.Not n -> !holds(n.operand(), state, successors);
      case Type.And a -> holds(a.left(), state, successors) && holds(a.right(), state, successors);
      case Type.Or o -> holds(o.left(), state, successors) || holds(o.right(), state, successors);
      case Type.Diamond d -> {
        // <>true and []false ask only whether a step exists, which the state knows cheaply.
        if (state.isStuck()) {
          yield false;
        }
        if (d.label().isEmpty() && d.body() instanceof Type.True) {
          yield true;
        }
        for (Transition t : successors(state, successors)) {
          if (Labels.matches(d.label(), t.comm()) && holds(d.body(), t.target(), successors)) {
            yield true;
          }
        }
        yield false;
      }
      case Type.Box b -> {
        if (state.isStuck()) {
          yield true;
        }
        if (b.label().isEmpty() && b.body() instanceof Type.False) {
          yield false;
        }
        for (Transition t : successors(state, successors)) {
          if (Labels.matches(b.label(), t.comm()) && !holds(b.body(), t.target(), successors)) {
            yield false;
          }
        }
        yield true;
      }
      case Type.Race r ->
          Races.race(r.channel(), r.takes(), state,
              successors(state, successors).stream().map(Transition::comm).toList(),
              prints::of);
      case Type.Mu m -> throw new IllegalArgumentException("not a local type: fixpoint");
      case Type.Nu n -> throw new IllegalArgumentException("not a local type: fixpoint");
      case Type.Var v -> throw new IllegalArgumentException("not a local type: variable");
      case Type.Sugared s -> holds(s.core(), state, successors);
      case Type.Nil n -> StateAtoms.holds(n, state);
      case Type.Par p -> StateAtoms.holds(p, state);
      case Type.Atom a -> StateAtoms.holds(a, state);
      case Type.Sugar s -> throw Support.notCore(s);
    };
  }

  private List<Transition> successors(StateView state, Map<StateView, List<Transition>> cache) {
    return cache.computeIfAbsent(state, program::successors);
  }
}
