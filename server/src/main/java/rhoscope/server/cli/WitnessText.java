package rhoscope.server.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import rhoscope.server.wire.Witness;

/** A witness as {@code check} and {@code query --witness} print it for people. */
final class WitnessText {
  private WitnessText() {}

  /** Prints {@code w} with every line after {@code margin}. */
  static void print(PrintWriter out, String margin, Witness w) {
    if (w.steps().isEmpty()) {
      out.println(margin + "witness: the initial state itself (0 steps)");
    } else {
      out.printf("%switness: %s from the initial state%n", margin, Plural.of(w.steps().size(), "step"));
    }
    for (Witness.Step s : w.steps()) {
      String number = margin + "  " + s.step() + ". ";
      out.printf("%son %s: %s%n", number, s.channel().spelling(), s.message());
      indented(out, " ".repeat(number.length()) + "taken by ", s.receiver());
    }
    out.println(margin + (w.steps().isEmpty() ? "state:" : "final state:"));
    indented(out, margin + "  ", w.finalState());
    if (w.waiting() != null) {
      for (Witness.Waiting waiting : w.waiting()) {
        String on =
            waiting.channels().stream()
                .map(Witness.Channel::spelling)
                .collect(Collectors.joining(", "));
        indented(out, margin + "waits forever on " + on + ": ", waiting.receive());
      }
    }
  }

  /** Prints {@code text} with its first line after {@code lead} and the rest aligned under it. */
  static void indented(PrintWriter out, String lead, String text) {
    String pad = " ".repeat(lead.length());
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.println((i == 0 ? lead : pad) + lines[i]);
    }
  }
}
