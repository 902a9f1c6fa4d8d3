package rhoscope.indexer.sbml;

import java.util.Objects;

/**
 * An SBML file that cannot be imported: malformed XML, not SBML, a dangling reference, a feature
 * the translation refuses, or an override naming no species. The message names the file, and the
 * line and column when the XML parser knows them.
 */
public final class SbmlImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String problem;
  private final int line;
  private final int column;

  /** A problem with no known position. */
  public SbmlImportException(String source, String problem) {
    this(source, problem, -1, -1, null);
  }

  /** A problem at {@code line:column} (1-based; -1 when unknown). */
  public SbmlImportException(String source, String problem, int line, int column, Throwable cause) {
    super(format(source, problem, line, column), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.line = line;
    this.column = column;
  }

  private static String format(String source, String problem, int line, int column) {
    if (line > 0) {
      return source + ":" + line + ":" + Math.max(column, 1) + ": " + problem;
    }
    return source + ": " + problem;
  }

  /** The file (or name given to {@link SbmlImporter#importString}) that failed. */
  public String source() {
    return source;
  }

  /** What is wrong, without the file name. */
  public String problem() {
    return problem;
  }

  /** The 1-based line of the problem, or -1. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or -1. */
  public int column() {
    return column;
  }
}
