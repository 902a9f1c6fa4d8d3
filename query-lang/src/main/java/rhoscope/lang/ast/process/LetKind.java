package rhoscope.lang.ast.process;

/** {@code let a <- x; b <- y} binds in sequence, {@code let a <- x & b <- y} at once. */
public enum LetKind {
  SEQUENTIAL(";"),
  CONCURRENT("&");

  private final String separator;

  LetKind(String separator) {
    this.separator = separator;
  }

  public String separator() {
    return separator;
  }
}
