package rhoscope.engine.reduce;

import java.util.HexFormat;
import java.util.Locale;
import rhoscope.engine.state.Term;

/** Byte array values ({@link Term.BytesV}) to and from Java arrays and hex text. */
final class Bytes {
  private static final HexFormat HEX = HexFormat.of();

  private Bytes() {}

  static Term.BytesV of(byte[] bytes) {
    Limits.stringChars(2L * bytes.length);
    return new Term.BytesV(HEX.formatHex(bytes));
  }

  /** The bytes of {@code t}, which {@code method} needs to be a byte array. */
  static byte[] of(Term t, String method) {
    return HEX.parseHex(hex(t, method));
  }

  static String hex(Term t, String method) {
    if (t instanceof Term.BytesV b) {
      return b.hex();
    }
    throw new EvalError("'" + method + "' needs a ByteArray, not " + Evaluator.kind(t));
  }

  /** {@code "00ff".hexToBytes()}: digits in either case, two a byte, as rnode reads them. */
  static Term.BytesV fromHex(String text) {
    if (text.length() % 2 != 0 || !text.chars().allMatch(Character::isLetterOrDigit)) {
      throw new EvalError("hexToBytes: '" + text + "' is not hex digits, two a byte");
    }
    try {
      return of(HEX.parseHex(text.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new EvalError("hexToBytes: '" + text + "' is not hex digits, two a byte");
    }
  }
}
