package rhoscope.server.cli;

/** A process id as users type it: {@code 6}, or {@code #6} as {@code list} prints it. */
final class ProcessId {
  private ProcessId() {}

  static long parse(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    try {
      long id = Long.parseLong(digits);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a process id (a positive number such as 6 or #6; see 'rhoscope list')");
  }
}
