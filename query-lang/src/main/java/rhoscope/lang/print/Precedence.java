package rhoscope.lang.print;

import rhoscope.lang.ast.process.Proc;

/**
 * The level of the reference grammar (Proc .. Proc16, higher binds tighter) at which each
 * node is produced, and the levels that particular places demand.
 */
final class Precedence {
  /** {@code ( E )} stands at level 11 and holds a level-4 expression. */
  static final int PARENS = 11;

  static final int EXPRESSION = 4;
  /** A match case's pattern. */
  static final int PATTERN = 13;
  /** What {@code @} quotes. */
  static final int QUOTE = 12;

  private Precedence() {}

  static int of(Proc p) {
    return switch (p) {
      case Proc.Par x -> 0;
      case Proc.If x -> 1;
      case Proc.New x -> 1;
      case Proc.SendSync x -> 1;
      case Proc.Contract x -> 2;
      case Proc.Input x -> 2;
      case Proc.Select x -> 2;
      case Proc.Match x -> 2;
      case Proc.Bundle x -> 2;
      case Proc.Let x -> 2;
      case Proc.Send x -> 3;
      case Proc.Binary b -> b.op().precedence();
      case Proc.Unary u ->
          switch (u.op()) {
            case NOT, NEG -> 10;
            case PATTERN_NOT -> 15;
          };
      case Proc.Method x -> 11;
      case Proc.Eval x -> 12;
      case Proc.VarRef x -> 13;
      case Proc.Nil x -> 16;
      case Proc.Var x -> 16;
      case Proc.Wildcard x -> 16;
      case Proc.BoolLit x -> 16;
      case Proc.IntLit x -> 16;
      case Proc.BigIntLit x -> 16;
      case Proc.StringLit x -> 16;
      case Proc.UriLit x -> 16;
      case Proc.ListLit x -> 16;
      case Proc.TupleLit x -> 16;
      case Proc.SetLit x -> 16;
      case Proc.MapLit x -> 16;
      case Proc.SimpleType x -> 16;
    };
  }
}
