package rhoscope.lang.ast.process;

/** Linear receive {@code <-}, persistent receive {@code <=}, peek {@code <<-}. */
public enum ReceiptKind {
  LINEAR("<-"),
  PERSISTENT("<="),
  PEEK("<<-");

  private final String arrow;

  ReceiptKind(String arrow) {
    this.arrow = arrow;
  }

  public String arrow() {
    return arrow;
  }
}
