package rhoscope.server.cli;

/**
 * The exit codes of every command, so that a CI job can gate on a verdict: {@code check} exits by
 * its verdict, {@code query} by whether anything matched, and the codes for misuse and bad input
 * are the same everywhere.
 */
final class ExitCode {
  /** The command did its job; for {@code check}, the process has the type. */
  static final int OK = 0;

  /** {@code check}: the process does not have the type; {@code query}: nothing matched. */
  static final int NO = 1;

  /** The command line is wrong: an unknown option, a missing argument, a bound out of range. */
  static final int USAGE = 2;

  /**
   * {@code check}: a bound was reached before the verdict was known; {@code query}: nothing is
   * known to match, but some process is unknown.
   */
  static final int UNKNOWN = 3;

  /** The input cannot be used: a file that is missing or does not parse, a malformed type. */
  static final int BAD_INPUT = 4;

  /** The table {@code --help} shows, for picocli's {@code exitCodeList}. */
  static final String USAGE_LINE = "2:usage error (unknown option, bound out of range)";

  static final String BAD_INPUT_LINE = "4:bad input (missing file, syntax error, malformed type)";

  private ExitCode() {}
}
