package rhoscope.lang.ast.process;

/** {@code =x} refers to a process variable, {@code =*x} to a name variable. */
public enum VarRefKind {
  PROC("="),
  NAME("=*");

  private final String symbol;

  VarRefKind(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
