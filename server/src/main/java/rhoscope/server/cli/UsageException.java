package rhoscope.server.cli;

/**
 * The command line is wrong (a bound out of its range, options that do not go together): exit
 * code {@link ExitCode#USAGE}, as for the errors picocli itself finds, not {@link
 * ExitCode#BAD_INPUT}.
 */
final class UsageException extends IllegalArgumentException {
  UsageException(String message) {
    super(message);
  }
}
