package rhoscope.engine.check;

import java.util.Optional;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;

/**
 * The reachability shapes with evidence and an on-the-fly check: {@code mu X. P or <>X}
 * ({@code eventually P}) and {@code nu X. P and []X} ({@code always P}) with X not free in P,
 * under {@code negations} leading {@code not}s ({@code not eventually deadlock}).
 */
record Shape(boolean eventually, Type body, int negations) {

  static Optional<Shape> of(Type core) {
    int negations = 0;
    Type t = core;
    while (t instanceof Type.Not n) {
      negations++;
      t = n.operand();
    }
    if (t instanceof Type.Mu m
        && m.body() instanceof Type.Or or
        && isStepTo(or.right(), m.variable(), true)
        && !TypeExpander.freeVariables(or.left()).contains(m.variable())) {
      return Optional.of(new Shape(true, or.left(), negations));
    }
    if (t instanceof Type.Nu n
        && n.body() instanceof Type.And and
        && isStepTo(and.right(), n.variable(), false)
        && !TypeExpander.freeVariables(and.left()).contains(n.variable())) {
      return Optional.of(new Shape(false, and.left(), negations));
    }
    return Optional.empty();
  }

  private static boolean isStepTo(Type type, String x, boolean diamond) {
    return diamond
        ? type instanceof Type.Diamond d && d.label().isEmpty() && d.body().equals(new Type.Var(x))
        : type instanceof Type.Box b && b.label().isEmpty() && b.body().equals(new Type.Var(x));
  }

  /** Whether the whole type is positive: an even number of leading negations. */
  boolean positive() {
    return negations % 2 == 0;
  }

  /** Whether the body is decided by one state (and its successors), so exploration may stop. */
  boolean onTheFly() {
    return LocalEvaluator.isLocal(body) && TypeExpander.freeVariables(body).isEmpty();
  }
}
