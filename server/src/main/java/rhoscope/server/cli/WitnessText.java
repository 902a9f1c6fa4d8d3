package rhoscope.server.cli;

import java.io.PrintWriter;
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
    if (w.present() != null) {
      printPathway(out, margin, w);
    } else {
      for (Witness.Step s : w.steps()) {
        String number = margin + "  " + s.step() + ". ";
        out.printf("%son %s: %s%n", number, s.channel().spelling(), s.message());
        indented(out, " ".repeat(number.length()) + "taken by ", s.receiver());
      }
      out.println(margin + (w.steps().isEmpty() ? "state:" : "final state:"));
      indented(out, margin + "  ", w.finalState());
    }
    if (w.findings() != null) {
      w.findings().forEach(f -> indented(out, margin, f));
    }
  }

  /** An SBML model's witness in its own terms: reactions fired, species changed, species present. */
  private static void printPathway(PrintWriter out, String margin, Witness w) {
    for (Witness.Step s : w.steps()) {
      out.printf("%s  %d. %s%n", margin, s.step(), PathwayText.reaction(s));
      out.printf("%s     %s%n", margin, PathwayText.changes(s.changes()));
    }
    out.println(margin + "final state: " + PathwayText.present(w.present()));
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
