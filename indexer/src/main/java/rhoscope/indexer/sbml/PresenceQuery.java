package rhoscope.indexer.sbml;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import rhoscope.engine.check.Shape;
import rhoscope.lang.ast.type.Type;

/**
 * A type that the presence closure decides: "some reachable state has all of these species
 * present", as {@code eventually contains "A"!(_)}, {@code eventually contains ("A"!(_) |
 * "B"!(_))}, {@code eventually (contains "A"!(_) and contains "B"!(_))}, or its dual {@code always
 * not ...}, under any number of leading {@code not}s.
 *
 * @param targets the species that must be present together
 * @param eventually whether the reachability is asked ({@code eventually}) or refuted ({@code
 *     always not})
 * @param negations the leading {@code not}s
 */
record PresenceQuery(Set<String> targets, boolean eventually, int negations) {
  PresenceQuery {
    targets = Set.copyOf(targets);
  }

  /** The query {@code core} asks, when it asks one. */
  static Optional<PresenceQuery> of(Type core) {
    return Shape.of(core).flatMap(shape -> {
      if (shape.eventually()) {
        return together(shape.body()).map(g -> new PresenceQuery(g, true, shape.negations()));
      }
      return shape.body() instanceof Type.Not not
          ? together(not.operand()).map(g -> new PresenceQuery(g, false, shape.negations()))
          : Optional.empty();
    });
  }

  /** Whether the whole type is positive: an even number of leading negations. */
  boolean positive() {
    return negations % 2 == 0;
  }

  /** The species a state-formula needs present together, when that is all it says. */
  private static Optional<Set<String>> together(Type t) {
    if (t instanceof Type.True) {
      return Optional.of(Set.of());
    }
    if (t instanceof Type.And a) {
      Optional<Set<String>> l = together(a.left());
      Optional<Set<String>> r = together(a.right());
      if (l.isEmpty() || r.isEmpty()) {
        return Optional.empty();
      }
      Set<String> both = new LinkedHashSet<>(l.get());
      both.addAll(r.get());
      return Optional.of(both);
    }
    if (t instanceof Type.Sugared s && s.sugar() instanceof Type.Contains c) {
      Set<String> threads = new LinkedHashSet<>();
      return threads(c.operand(), threads) ? Optional.of(threads) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Collects the species of a {@code |} of presence atoms; false for anything else, and for a
   * species named twice: {@code "A"!(_) | "A"!(_)} asks for two messages on {@code A}, which the
   * closure does not speak about.
   */
  private static boolean threads(Type t, Set<String> into) {
    if (t instanceof Type.Par p) {
      return threads(p.left(), into) && threads(p.right(), into);
    }
    return t instanceof Type.Send s
        && PresencePruning.isPresence(s)
        && into.add(PresencePruning.species(s));
  }
}
