package rhoscope.lang.ast.type;

/** The comparison operators of payload patterns, with their spelling. */
public enum Comparison {
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  NE("!=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether the comparison orders its operands, so that it needs an ordered literal. */
  public boolean ordering() {
    return this != NE;
  }

  /** Applies the operator to the result of {@code compareTo(argument, literal)}. */
  public boolean test(int comparison) {
    return switch (this) {
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
      case NE -> comparison != 0;
    };
  }
}
