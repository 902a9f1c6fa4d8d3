package rhoscope.lang.diag;

import java.util.Objects;

/**
 * An error in user input that points at a place in the source: a syntax error, an
 * ill-formed type, a construct the engine cannot run. {@link #getMessage()} is the full
 * user-facing text: {@code source:line:column: detail}, the source line, and a caret.
 */
public class LangException extends RuntimeException {
  private final ErrorCode code;
  private final String sourceName;
  private final int line;
  private final int column;
  private final String detail;
  private final String excerpt;

  public LangException(
      ErrorCode code, String sourceName, String text, int line, int column, String detail) {
    super(format(sourceName, line, column, detail, excerpt(text, line, column)), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
    this.line = line;
    this.column = column;
    this.detail = Objects.requireNonNull(detail, "detail");
    this.excerpt = excerpt(text, line, column);
  }

  public ErrorCode code() {
    return code;
  }

  public String sourceName() {
    return sourceName;
  }

  /** 1-based line of the error, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the error, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** The message without position and excerpt. */
  public String detail() {
    return detail;
  }

  /** The offending source line with a caret under the column, or empty. */
  public String excerpt() {
    return excerpt;
  }

  private static String format(String source, int line, int column, String detail, String excerpt) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ").append(detail);
    if (!excerpt.isEmpty()) {
      sb.append('\n').append(excerpt);
    }
    return sb.toString();
  }

  /** Source lines longer than this are cut to a window around the column. */
  public static final int EXCERPT_WIDTH = 120;

  /**
   * The given 1-based line of {@code text} and a caret line under {@code column}; a long line is
   * cut to {@link #EXCERPT_WIDTH} characters around the column, with {@code ...} where it was
   * cut, so that an error in a generated one-line file stays readable.
   */
  public static String excerpt(String text, int line, int column) {
    if (text == null || line <= 0) {
      return "";
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (line > lines.length) {
      return "";
    }
    String src = lines[line - 1];
    int at = Math.max(0, column - 1);
    String prefix = "";
    if (src.length() > EXCERPT_WIDTH) {
      int from = Math.max(0, Math.min(at - EXCERPT_WIDTH / 2, src.length() - EXCERPT_WIDTH));
      int to = Math.min(src.length(), from + EXCERPT_WIDTH);
      prefix = from > 0 ? "..." : "";
      src = prefix + src.substring(from, to) + (to < lines[line - 1].length() ? "..." : "");
      at = at - from + prefix.length();
    }
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < at && i < src.length(); i++) {
      caret.append(src.charAt(i) == '\t' ? '\t' : ' ');
    }
    for (int i = src.length(); i < at; i++) {
      caret.append(' ');
    }
    caret.append('^');
    return src + "\n" + caret;
  }
}
