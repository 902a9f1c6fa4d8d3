package rhoscope.engine.reduce;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import rhoscope.engine.state.Readback;
import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import rhoscope.lang.print.ProcessPrinter;

/**
 * {@code p.toByteArray()}: rnode serialises the process as its protobuf {@code Par}
 * (models/src/main/protobuf/RhoTypes.proto). rhoscope writes those bytes exactly for ground data
 * built from Nil, Bool, Int, String, Uri, ByteArray, lists and tuples: each is a {@code Par} with
 * one {@code Expr} (field 5) whose {@code g_bool} (1), {@code g_int} (2, zigzag), {@code
 * g_string} (3), {@code g_uri} (4), {@code g_byte_array} (25), {@code e_list_body} (20) or
 * {@code e_tuple_body} (21) holds the value, elements as {@code Par}s in field 1.
 *
 * <p>Anything else (a send, a receive, a set or map, whose order rnode takes from its own sort,
 * a BigInt) is not rnode's encoding: its bytes are {@code 0xff} (no protobuf field starts so)
 * then the UTF-8 text of the term as rhoscope prints it, so equal processes still give equal
 * bytes and different ones different bytes. A process holding an unforgeable name has no bytes:
 * rnode's come from the deploy's random seed, and bytes made from rhoscope's number for the name
 * would not follow the canonical renumbering of names, so it is an error for the thread.
 */
final class Serialisation {
  private static final int RHOSCOPE_TEXT = 0xff;

  private Serialisation() {}

  static byte[] toByteArray(Term t) {
    if (!Terms.privates(t).isEmpty()) {
      throw new EvalError("toByteArray: a process with an unforgeable name has no bytes here"
          + " (rnode's depend on the deploy's random seed)");
    }
    Optional<byte[]> par = par(t);
    if (par.isPresent()) {
      return par.get();
    }
    byte[] text = ProcessPrinter.print(Readback.proc(t)).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[text.length + 1];
    out[0] = (byte) RHOSCOPE_TEXT;
    System.arraycopy(text, 0, out, 1, text.length);
    return out;
  }

  /** rnode's {@code Par} bytes of {@code t}, when it is ground data of the kinds above. */
  private static Optional<byte[]> par(Term t) {
    if (t instanceof Term.Nil) {
      return Optional.of(new byte[0]);
    }
    return expr(t).map(e -> field(5, e));
  }

  private static Optional<byte[]> expr(Term t) {
    return switch (t) {
      case Term.BoolV b -> Optional.of(varintField(1, b.value() ? 1 : 0));
      case Term.IntV i -> Optional.of(varintField(2, (i.value() << 1) ^ (i.value() >> 63)));
      case Term.StrV s -> Optional.of(field(3, s.value().getBytes(StandardCharsets.UTF_8)));
      case Term.UriV u -> Optional.of(field(4, u.value().getBytes(StandardCharsets.UTF_8)));
      case Term.BytesV y -> Optional.of(field(25, Bytes.of(y, "toByteArray")));
      case Term.ListT l when l.rest().isEmpty() -> elements(l.elements()).map(ps -> field(20, ps));
      case Term.TupleT tu -> elements(tu.elements()).map(ps -> field(21, ps));
      default -> Optional.empty();
    };
  }

  private static Optional<byte[]> elements(List<Term> elements) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Term e : elements) {
      Optional<byte[]> p = par(e);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      out.writeBytes(field(1, p.get()));
    }
    return Optional.of(out.toByteArray());
  }

  /** A length-delimited field (wire type 2). */
  private static byte[] field(int number, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, (long) number << 3 | 2);
    varint(out, body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A varint field (wire type 0); a oneof member is written even when it is zero. */
  private static byte[] varintField(int number, long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, (long) number << 3);
    varint(out, value);
    return out.toByteArray();
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
