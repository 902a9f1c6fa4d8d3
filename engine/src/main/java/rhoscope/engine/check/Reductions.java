package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;

/**
 * Which partial-order reduction keeps the verdict of an on-the-fly shape. The search looks for a
 * target state: the body of {@code eventually}, the negated body of {@code always}.
 *
 * <ul>
 *   <li>A target that implies no step is possible ({@code deadlock}, {@code terminated},
 *       {@code []false}, {@code not <>true}, in a conjunction with anything local): stubborn
 *       sets keep every stuck state, and the target is decided on that same state.
 *   <li>A spatial target (structure and Booleans: no modality, fixpoint or {@code race}) that
 *       depends only on the threads its atoms can match ({@link #sees(Type)}): stubborn sets with
 *       those atoms' channels observed keep every valuation of those threads.
 *   <li>Anything else explores every interleaving: a modality or {@code race} in the target
 *       observes the steps themselves, and a spatial type such as {@code Nil} or
 *       {@code "a"!(_) | "b"!(_)} (no {@code true} to absorb the rest) counts every thread.
 * </ul>
 */
final class Reductions {
  private Reductions() {}

  static Optional<PartialOrder> of(Shape shape) {
    Type target = shape.eventually() ? shape.body() : new Type.Not(shape.body());
    if (stuck(target)) {
      return Optional.of(PartialOrder.stuckStates());
    }
    if (spatial(target) && sees(target)) {
      List<NamePattern> channels = new ArrayList<>();
      atomChannels(target, channels);
      return Optional.of(PartialOrder.observing(
          channel -> channels.stream().anyMatch(p -> Names.matches(p, channel))));
    }
    return Optional.empty();
  }

  /** Whether every state of type {@code t} is stuck. */
  static boolean stuck(Type t) {
    return switch (t) {
      case Type.Box b -> b.label().isEmpty() && b.body() instanceof Type.False;
      case Type.Sugared s -> stuck(s.core());
      case Type.And a -> stuck(a.left()) || stuck(a.right());
      case Type.Not n -> switch (n.operand()) {
        case Type.Diamond d -> d.label().isEmpty() && d.body() instanceof Type.True;
        case Type.Not inner -> stuck(inner.operand());
        case Type.Or o -> stuck(new Type.Not(o.left())) || stuck(new Type.Not(o.right()));
        case Type.Sugared s -> stuck(new Type.Not(s.core()));
        default -> false;
      };
      default -> false;
    };
  }

  /** Structure and Booleans only: a modality, fixpoint or race anywhere observes steps. */
  private static boolean spatial(Type t) {
    return !(t instanceof Type.Dynamic) && t.operands().stream().allMatch(Reductions::spatial);
  }

  /**
   * Whether adding or removing a thread that matches none of the type's atoms never changes it,
   * so that its value depends only on the threads on the atoms' channels. {@code T | U} has it
   * when one side only accepts such threads ({@link #only}) and the other has it ({@code true}
   * does: {@code contains T} is {@code T | true}).
   */
  static boolean sees(Type t) {
    return switch (t) {
      case Type.True x -> true;
      case Type.False x -> true;
      case Type.Not n -> sees(n.operand());
      case Type.And a -> sees(a.left()) && sees(a.right());
      case Type.Or o -> sees(o.left()) && sees(o.right());
      case Type.Par p -> only(p.left()) && sees(p.right()) || only(p.right()) && sees(p.left());
      case Type.Sugared s -> sees(s.core());
      case Type.Nil n -> false;
      case Type.Atom a -> false;
      case Type.Dynamic d -> false;
      case Type.Sugar s -> throw Support.notCore(s);
    };
  }

  /** Whether every thread of every part of type {@code t} matches one of its atoms. */
  private static boolean only(Type t) {
    return switch (t) {
      case Type.Atom a -> true;
      case Type.Nil n -> true;
      case Type.False x -> true;
      case Type.Par p -> only(p.left()) && only(p.right());
      case Type.Or o -> only(o.left()) && only(o.right());
      case Type.And a -> only(a.left()) || only(a.right());
      case Type.Sugared s -> only(s.core());
      case Type.True x -> false;
      case Type.Not n -> false;
      case Type.Dynamic d -> false;
      case Type.Sugar s -> throw Support.notCore(s);
    };
  }

  /** The channel patterns of the atoms that describe threads of the state itself. */
  private static void atomChannels(Type t, List<NamePattern> out) {
    if (t instanceof Type.Atom atom) {
      switch (atom) {
        case Type.Send s -> out.add(s.channel());
        case Type.Receive r -> out.add(r.channel());
        case Type.Contract c -> out.add(c.channel());
        // a state's threads are sends and receives: *n matches none
        case Type.Eval e -> { }
      }
      return;
    }
    t.operands().forEach(o -> atomChannels(o, out));
  }
}
