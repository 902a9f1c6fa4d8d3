package rhoscope.lang.ast.process;

/** {@code bundle+} (write only), {@code bundle-} (read only), {@code bundle0}, {@code bundle}. */
public enum BundleKind {
  WRITE("bundle+"),
  READ("bundle-"),
  EQUIV("bundle0"),
  READ_WRITE("bundle");

  private final String keyword;

  BundleKind(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }
}
