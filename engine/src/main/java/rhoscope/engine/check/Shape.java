package rhoscope.engine.check;

import java.util.Optional;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;

/**
 * The reachability shapes with evidence and an on-the-fly check: {@code eventually P} and
 * {@code always P} (as the expander tags them, a hand-written {@code mu X. P or <>X} or
 * {@code nu X. P and []X} included), under {@code negations} leading {@code not}s
 * ({@code not eventually deadlock}). Public for the deciders outside the engine that read the
 * same shapes (the SBML presence closure).
 */
public record Shape(boolean eventually, Type body, int negations) {

  /** The shape of {@code core}, when it has one of these. */
  public static Optional<Shape> of(Type core) {
    int negations = 0;
    Type t = core;
    while (t instanceof Type.Not n) {
      negations++;
      t = n.operand();
    }
    if (!(t instanceof Type.Sugared sugared)) {
      return Optional.empty();
    }
    int n = negations;
    return switch (sugared.sugar()) {
      case Type.Eventually e -> Optional.of(new Shape(true, e.operand(), n));
      case Type.Always a -> Optional.of(new Shape(false, a.operand(), n));
      // Inevitably needs every path, not one state: no stop predicate decides it.
      case Type.Inevitably i -> Optional.empty();
      case Type.Contains c -> Optional.empty();
      case Type.Implies i -> Optional.empty();
      case Type.Deadlock d -> Optional.empty();
      case Type.Terminated x -> Optional.empty();
      case Type.Call c -> Optional.empty();
    };
  }

  /** Whether the whole type is positive: an even number of leading negations. */
  public boolean positive() {
    return negations % 2 == 0;
  }

  /** Whether the body is decided by one state (and its successors), so exploration may stop. */
  boolean onTheFly() {
    return LocalEvaluator.isLocal(body) && TypeExpander.freeVariables(body).isEmpty();
  }
}
