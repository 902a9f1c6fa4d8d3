package rhoscope.lang.ast.process;

/**
 * Infix operators with the precedence level of the reference grammar (higher binds tighter):
 * 4 or, 5 and, 6 equality and matches, 7 comparison, 8 additive, 9 multiplicative,
 * 13 pattern disjunction, 14 pattern conjunction.
 */
public enum BinaryOp {
  OR("or", 4),
  SHORT_OR("||", 4),
  AND("and", 5),
  SHORT_AND("&&", 5),
  EQ("==", 6),
  NEQ("!=", 6),
  MATCHES("matches", 6),
  LT("<", 7),
  LTE("<=", 7),
  GT(">", 7),
  GTE(">=", 7),
  ADD("+", 8),
  SUB("-", 8),
  CONCAT("++", 8),
  DIFF("--", 8),
  MUL("*", 9),
  DIV("/", 9),
  MOD("%", 9),
  INTERPOLATE("%%", 9),
  DISJ("\\/", 13),
  CONJ("/\\", 14);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }
}
