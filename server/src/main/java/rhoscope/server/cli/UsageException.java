package rhoscope.server.cli;

import rhoscope.indexer.IndexOptions;

/**
 * The command line is wrong (a bound out of its range, options that do not go together): exit
 * code {@link ExitCode#USAGE}, as for the errors picocli itself finds, not {@link
 * ExitCode#BAD_INPUT}.
 */
final class UsageException extends IllegalArgumentException {
  UsageException(String message) {
    super(message);
  }

  /** {@code --dataset}'s value, or null, if the database accepts it as a dataset name. */
  static String dataset(String value) {
    if (value == null) {
      return null;
    }
    try {
      return IndexOptions.checkName("--dataset value", value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
