package rhoscope.lang.diag;

/** A region of source text; lines and columns start at 1. */
public record SourceSpan(int line, int column, int endLine, int endColumn) {

  public static SourceSpan at(int line, int column) {
    return new SourceSpan(line, column, line, column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
