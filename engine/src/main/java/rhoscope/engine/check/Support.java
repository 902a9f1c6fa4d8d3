package rhoscope.engine.check;

import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.PayloadPattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.print.TypePrinter;

/**
 * What the checker accepts: a core type where the operands of {@code |} are spatial (structure
 * and Booleans only). A part of a state does not step on its own, so a modality, a fixpoint or
 * {@code race(n)} about one part has no meaning in the state graph.
 */
final class Support {
  private Support() {}

  /** @throws LangException {@link ErrorCode#UNSUPPORTED} naming the offending subformula */
  static void validate(Type core) {
    if (!TypeExpander.isCore(core)) {
      throw new IllegalArgumentException("not a core type: " + TypePrinter.print(core));
    }
    walk(core, false);
  }

  private static void walk(Type type, boolean insidePar) {
    switch (type) {
      case Type.Par p -> {
        walk(p.left(), true);
        walk(p.right(), true);
      }
      case Type.Diamond d -> {
        requireOutsidePar(type, insidePar);
        d.label().ifPresent(Support::walk);
        walk(d.body(), false);
      }
      case Type.Box b -> {
        requireOutsidePar(type, insidePar);
        b.label().ifPresent(Support::walk);
        walk(b.body(), false);
      }
      case Type.Mu m -> {
        requireOutsidePar(type, insidePar);
        walk(m.body(), false);
      }
      case Type.Nu n -> {
        requireOutsidePar(type, insidePar);
        walk(n.body(), false);
      }
      case Type.Var v -> requireOutsidePar(type, insidePar);
      case Type.Race r -> {
        requireOutsidePar(type, insidePar);
        walk(r.channel());
      }
      case Type.Not n -> walk(n.operand(), insidePar);
      case Type.And a -> {
        walk(a.left(), insidePar);
        walk(a.right(), insidePar);
      }
      case Type.Or o -> {
        walk(o.left(), insidePar);
        walk(o.right(), insidePar);
      }
      case Type.Send s -> {
        walk(s.channel());
        for (PayloadPattern p : s.args()) {
          if (p instanceof PayloadPattern.Typed t) {
            walk(t.type(), false);
          }
        }
      }
      case Type.Receive r -> {
        walk(r.channel());
        walk(r.body(), false);
      }
      case Type.Contract c -> walk(c.channel());
      case Type.Eval e -> walk(e.name());
      default -> {
        // Nil, true, false: nothing inside.
      }
    }
  }

  private static void walk(NamePattern name) {
    if (name instanceof NamePattern.QuoteName q) {
      walk(q.type(), false);
    }
  }

  private static void requireOutsidePar(Type type, boolean insidePar) {
    if (insidePar) {
      throw notSpatial(type);
    }
  }

  static LangException notSpatial(Type type) {
    String text = TypePrinter.print(type);
    return new LangException(
        ErrorCode.UNSUPPORTED,
        "<type>",
        text,
        0,
        0,
        "'" + text + "' cannot be an operand of '|': a part of a state does not step on its own;"
            + " only structure and Boolean connectives can describe a part");
  }
}
