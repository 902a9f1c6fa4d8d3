package rhoscope.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import rhoscope.lang.diag.LangException;
import rhoscope.server.wire.ApiError;
import rhoscope.server.wire.WireJson;

/**
 * Turns exceptions escaping a command into one readable message and an exit code: {@link
 * ExitCode#USAGE} for a wrong command line, {@link ExitCode#BAD_INPUT} for everything else (the
 * input could not be used), so that neither is mistaken for a verdict. A user of the command line
 * never sees a stack trace (set {@code RHOSCOPE_DEBUG=1} to get one).
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    if (System.getenv("RHOSCOPE_DEBUG") != null) {
      ex.printStackTrace(cli.getErr());
    }
    cli.getErr().println(describe(ex));
    cli.getErr().flush();
    if (cli.getParseResult().hasMatchedOption("--json")) {
      // a program asked for JSON: give it the error as JSON too, on the stream it reads
      cli.getOut().println(WireJson.pretty(asJson(ex)));
      cli.getOut().flush();
    }
    return ex instanceof UsageException ? ExitCode.USAGE : ExitCode.BAD_INPUT;
  }

  /** The HTTP API's error record, {@code {error, detail, line, column}}. */
  static ApiError asJson(Throwable ex) {
    return ex instanceof LangException le
        ? ApiError.of(le)
        : new ApiError("bad_input", describe(ex).replaceFirst("^rhoscope: ", ""), 0, 0);
  }

  /**
   * An {@link Error} a command ran into, as an exception this handler describes in one line: a
   * stack overflow is input nested deeper than some pass could follow, anything else a fault of
   * rhoscope's.
   */
  static RuntimeException failure(Error e) {
    String what =
        e instanceof StackOverflowError
            ? "the input is nested too deeply to process (the stack overflowed); simplify it, or"
                + " give the JVM a larger stack (RHOSCOPE_JAVA_OPTS=-Xss64m)"
            : "internal error: " + e + " (set RHOSCOPE_DEBUG=1 for the stack trace)";
    return new IllegalStateException(what, e);
  }

  static String describe(Throwable ex) {
    return switch (ex) {
      case LangException le -> le.getMessage();
      case NoSuchFileException nf -> "rhoscope: no such file: " + nf.getFile();
      case UncheckedIOException io -> "rhoscope: " + io.getMessage();
      case IOException io -> "rhoscope: I/O error: " + io.getMessage();
      case OutOfMemoryError oom -> "rhoscope: out of memory; lower --max-states or raise -Xmx";
      default -> "rhoscope: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage());
    };
  }
}
