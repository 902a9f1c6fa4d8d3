package rhoscope.lang.ast.process;

/** Prefix operators: boolean {@code not}, arithmetic {@code -}, pattern negation {@code ~}. */
public enum UnaryOp {
  NOT("not"),
  NEG("-"),
  PATTERN_NOT("~");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
