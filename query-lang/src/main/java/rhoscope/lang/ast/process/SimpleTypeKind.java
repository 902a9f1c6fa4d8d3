package rhoscope.lang.ast.process;

/** The simple types usable as patterns. */
public enum SimpleTypeKind {
  BOOL("Bool"),
  INT("Int"),
  BIG_INT("BigInt"),
  STRING("String"),
  URI("Uri"),
  BYTE_ARRAY("ByteArray");

  private final String keyword;

  SimpleTypeKind(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }
}
