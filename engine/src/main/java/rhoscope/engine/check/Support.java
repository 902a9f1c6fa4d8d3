package rhoscope.engine.check;

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
      throw notCore(core);
    }
    walk(core, false);
  }

  /** Sugar reached a checker: it was handed a type that did not come from the expander. */
  static IllegalArgumentException notCore(Type type) {
    return new IllegalArgumentException(
        "not a core type (expand it first): " + TypePrinter.print(type));
  }

  /**
   * The one decision is by family: a {@link Type.Dynamic} formula needs a whole state. Every
   * other constructor only passes its position on: the operands of {@code |} are parts, a
   * suspended subformula describes a process of its own.
   */
  private static void walk(Type type, boolean insidePar) {
    if (insidePar && dynamic(type)) {
      throw notSpatial(type);
    }
    boolean part = insidePar || type instanceof Type.Par;
    for (Type operand : type.operands()) {
      walk(operand, part);
    }
    for (Type nested : type.suspended()) {
      walk(nested, false);
    }
  }

  /** A sugar is reported as written ({@code eventually P}), not as the fixpoint it became. */
  private static boolean dynamic(Type type) {
    return type instanceof Type.Dynamic || type instanceof Type.Sugared s && dynamic(s.core());
  }

  static LangException notSpatial(Type type) {
    String text = TypePrinter.printAsWritten(type);
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
