package rhoscope.lang.ast.process;

/** {@code !} sends once; {@code !!} sends persistently (the message stays). */
public enum SendKind {
  SINGLE("!"),
  PERSISTENT("!!");

  private final String symbol;

  SendKind(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
