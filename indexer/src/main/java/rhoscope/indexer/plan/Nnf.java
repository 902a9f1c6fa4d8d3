package rhoscope.indexer.plan;

import rhoscope.lang.ast.type.Type;

/**
 * Negation normal form of a core type: negations pushed down to the atoms (structural constructors,
 * {@code race}), through the Boolean connectives, the modalities ({@code not <n>T = [n] not T}) and
 * the fixpoints ({@code not mu X. T = nu X. not T[not X/X]}). Fixpoint variables occur positively
 * (the parser rejects anything else), so a variable keeps its name: under the flipped binder it
 * stands for the complement.
 */
final class Nnf {
  private Nnf() {}

  static Type of(Type t) {
    return nnf(t, false);
  }

  private static Type nnf(Type t, boolean negate) {
    return switch (t) {
      case Type.True x -> negate ? new Type.False() : x;
      case Type.False x -> negate ? new Type.True() : x;
      case Type.Not n -> nnf(n.operand(), !negate);
      case Type.And a ->
          negate
              ? new Type.Or(nnf(a.left(), true), nnf(a.right(), true))
              : new Type.And(nnf(a.left(), false), nnf(a.right(), false));
      case Type.Or o ->
          negate
              ? new Type.And(nnf(o.left(), true), nnf(o.right(), true))
              : new Type.Or(nnf(o.left(), false), nnf(o.right(), false));
      case Type.Diamond d ->
          negate
              ? new Type.Box(d.label(), nnf(d.body(), true))
              : new Type.Diamond(d.label(), nnf(d.body(), false));
      case Type.Box b ->
          negate
              ? new Type.Diamond(b.label(), nnf(b.body(), true))
              : new Type.Box(b.label(), nnf(b.body(), false));
      case Type.Mu m ->
          negate
              ? new Type.Nu(m.variable(), nnf(m.body(), true))
              : new Type.Mu(m.variable(), nnf(m.body(), false));
      case Type.Nu n ->
          negate
              ? new Type.Mu(n.variable(), nnf(n.body(), true))
              : new Type.Nu(n.variable(), nnf(n.body(), false));
      case Type.Var v -> v;
      case Type.Par p -> {
        Type inner = new Type.Par(nnf(p.left(), false), nnf(p.right(), false));
        yield negate ? new Type.Not(inner) : inner;
      }
      // Atoms: negation stays on top.
      case Type.Nil x -> atom(x, negate);
      case Type.Send x -> atom(x, negate);
      case Type.Receive x -> atom(x, negate);
      case Type.Contract x -> atom(x, negate);
      case Type.Eval x -> atom(x, negate);
      case Type.Race x -> atom(x, negate);
      // The sugar's meaning survives the rewriting only unnegated; its negation is no sugar.
      case Type.Sugared s -> negate ? nnf(s.core(), true) : new Type.Sugared(s.sugar(), nnf(s.core(), false));
      case Type.Sugar x -> throw notCore(x);
    };
  }

  private static Type atom(Type t, boolean negate) {
    return negate ? new Type.Not(t) : t;
  }

  private static IllegalArgumentException notCore(Type t) {
    return new IllegalArgumentException(
        "the planner needs a core type (ParsedType.core()), found sugar "
            + t.getClass().getSimpleName());
  }
}
