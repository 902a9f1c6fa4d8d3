package rhoscope.engine.reduce;

import java.math.BigInteger;

/**
 * The largest values the evaluator builds. A COMM whose result would hold a bigger value is
 * not a runtime error of the process (the thread is not stuck: Rholang has no such limit);
 * the engine cannot represent it, so the explorers end the run as incomplete
 * ({@code StopReason.VALUE_TOO_LARGE}). Checked before the value is built.
 */
public final class Limits {
  /** Characters (UTF-16 units) in a String. */
  public static final int MAX_STRING_CHARS = 1 << 20;
  /** Elements of a List, Tuple or Set, entries of a Map. */
  public static final int MAX_ELEMENTS = 100_000;
  /** Bits of a BigInt. */
  public static final int MAX_BIGINT_BITS = 1 << 16;

  private Limits() {}

  /** Thrown (and caught by {@link Machine}) when a value would exceed a limit. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  static void stringChars(long n) {
    if (n > MAX_STRING_CHARS) {
      throw new TooLarge("a String of " + n + " characters (limit " + MAX_STRING_CHARS + ")");
    }
  }

  static void elements(long n) {
    if (n > MAX_ELEMENTS) {
      throw new TooLarge("a collection of " + n + " elements (limit " + MAX_ELEMENTS + ")");
    }
  }

  static void bits(long n) {
    if (n > MAX_BIGINT_BITS) {
      throw new TooLarge("a BigInt of " + n + " bits (limit " + MAX_BIGINT_BITS + ")");
    }
  }

  static BigInteger big(BigInteger v) {
    bits(v.bitLength());
    return v;
  }
}
