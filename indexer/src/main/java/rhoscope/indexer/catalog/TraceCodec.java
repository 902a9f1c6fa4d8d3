package rhoscope.indexer.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.ChannelKind;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Trace;

/**
 * The cache's form of a verdict's witness: the trace (what replays it exactly on its program:
 * the initial fingerprint, and per step the parties of the COMM and the state it leads to) with
 * the labels and the final state printed, so a cached answer shows without recompiling.
 *
 * <p>Text, one record a line, fields tab-separated (tabs, newlines and backslashes escaped). The
 * first line names the format and its version; any other first line (the unversioned rows of
 * earlier releases, or a later version) is not decodable, and the verdict is computed again.
 *
 * <pre>
 * rhoscope-trace/1
 * none | initial FP
 * step STATE RECEIVE BRANCH SENDS KIND IDENTITY LABEL MESSAGE RECEIVER   (one per step)
 * final TEXT
 * </pre>
 *
 * Fingerprints and hashes are hexadecimal; SENDS is a comma-separated list of hashes.
 */
public final class TraceCodec {
  /** The first line of the current format. */
  public static final String VERSION = "rhoscope-trace/1";

  /** A decoded witness: the trace, absent when the verdict has none, and its final state. */
  public record Decoded(Optional<Trace> trace, String finalState) {
    public Decoded {
      Objects.requireNonNull(trace, "trace");
      Objects.requireNonNull(finalState, "finalState");
    }
  }

  private TraceCodec() {}

  public static String encode(Optional<Trace> trace, String finalState) {
    StringBuilder sb = new StringBuilder(VERSION).append('\n');
    if (trace.isEmpty()) {
      sb.append("none\n");
    } else {
      Trace t = trace.get();
      sb.append("initial\t").append(Long.toHexString(t.initial())).append('\n');
      for (Trace.Step s : t.steps()) {
        Trace.Comm c = s.comm();
        List<String> sends = c.parties().sends().stream().map(Long::toHexString).toList();
        sb.append("step\t").append(Long.toHexString(s.state()))
            .append('\t').append(Long.toHexString(c.parties().receive()))
            .append('\t').append(c.parties().branch())
            .append('\t').append(String.join(",", sends))
            .append('\t').append(c.channel().kind().name())
            .append('\t').append(Long.toHexString(c.channel().identity()))
            .append('\t').append(escape(c.channel().label()))
            .append('\t').append(escape(c.message()))
            .append('\t').append(escape(c.receiver()))
            .append('\n');
      }
    }
    return sb.append("final\t").append(escape(finalState)).toString();
  }

  /** The witness {@code text} encodes, or empty when it is not in the current format. */
  public static Optional<Decoded> decode(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 3 || !lines[0].equals(VERSION)) {
      return Optional.empty();
    }
    try {
      Optional<Trace> trace = Optional.empty();
      String[] head = lines[1].split("\t", -1);
      if (head.length == 2 && head[0].equals("initial")) {
        List<Trace.Step> steps = new ArrayList<>();
        for (int i = 2; i < lines.length - 1; i++) {
          steps.add(step(lines[i].split("\t", -1)));
        }
        trace = Optional.of(new Trace(Long.parseUnsignedLong(head[1], 16), steps));
      } else if (!(head.length == 1 && head[0].equals("none") && lines.length == 3)) {
        return Optional.empty();
      }
      String[] last = lines[lines.length - 1].split("\t", -1);
      if (last.length != 2 || !last[0].equals("final")) {
        return Optional.empty();
      }
      return Optional.of(new Decoded(trace, unescape(last[1])));
    } catch (IllegalArgumentException e) {
      // a damaged row is as good as a missing one: the verdict is computed again
      return Optional.empty();
    }
  }

  private static Trace.Step step(String[] f) {
    if (f.length != 10 || !f[0].equals("step")) {
      throw new IllegalArgumentException("not a step");
    }
    List<Long> sends = new ArrayList<>();
    if (!f[4].isEmpty()) {
      for (String s : f[4].split(",", -1)) {
        sends.add(Long.parseUnsignedLong(s, 16));
      }
    }
    Trace.Parties parties =
        new Trace.Parties(Long.parseUnsignedLong(f[2], 16), Integer.parseInt(f[3]), sends);
    ChannelView channel = ChannelView.of(
        ChannelKind.valueOf(f[5]), unescape(f[7]), Long.parseUnsignedLong(f[6], 16));
    return new Trace.Step(
        new Trace.Comm(parties, channel, unescape(f[8]), unescape(f[9])),
        Long.parseUnsignedLong(f[1], 16));
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
