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

  /** The given 1-based line of {@code text} and a caret line under {@code column}. */
  public static String excerpt(String text, int line, int column) {
    if (text == null || line <= 0) {
      return "";
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (line > lines.length) {
      return "";
    }
    String src = lines[line - 1];
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < Math.max(0, column - 1) && i < src.length(); i++) {
      caret.append(src.charAt(i) == '\t' ? '\t' : ' ');
    }
    for (int i = src.length(); i < column - 1; i++) {
      caret.append(' ');
    }
    caret.append('^');
    return src + "\n" + caret;
  }
}
