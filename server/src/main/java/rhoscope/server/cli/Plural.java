package rhoscope.server.cli;

import java.util.Locale;

/** Counts in words: "1 state", "2 states", "1,204 states". */
final class Plural {
  private Plural() {}

  static String of(long count, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
  }
}
