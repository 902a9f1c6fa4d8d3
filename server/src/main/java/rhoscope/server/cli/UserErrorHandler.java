package rhoscope.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import rhoscope.lang.diag.LangException;

/**
 * Turns exceptions escaping a command into one readable message and exit code 1: a user of the
 * command line never sees a stack trace (set {@code RHOSCOPE_DEBUG=1} to get one).
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    if (System.getenv("RHOSCOPE_DEBUG") != null) {
      ex.printStackTrace(cli.getErr());
    }
    cli.getErr().println(describe(ex));
    cli.getErr().flush();
    return 1;
  }

  static String describe(Throwable ex) {
    return switch (ex) {
      case LangException le -> le.getMessage();
      case NoSuchFileException nf -> "rhoscope: no such file: " + nf.getFile();
      case UncheckedIOException io -> describe(io.getCause());
      case IOException io -> "rhoscope: I/O error: " + io.getMessage();
      case OutOfMemoryError oom -> "rhoscope: out of memory; lower --max-states or raise -Xmx";
      default -> "rhoscope: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage());
    };
  }
}
