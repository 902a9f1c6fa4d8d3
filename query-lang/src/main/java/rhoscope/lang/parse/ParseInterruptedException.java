package rhoscope.lang.parse;

/**
 * Parsing stopped because its thread was interrupted: whoever asked for the parse gave up on it
 * (a server request past its budget, a server stopping). Not a fault of the input, which may well
 * be fine; the interrupt stays set for the caller to see.
 */
public final class ParseInterruptedException extends RuntimeException {
  ParseInterruptedException(String sourceName, int line) {
    super(
        "parsing " + sourceName + " was interrupted at line " + line
            + ": whoever asked for it gave up on it",
        null,
        false,
        false);
  }
}
