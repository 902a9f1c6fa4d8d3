package rhoscope.server.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * What each verdict on a type means, in the type's own words, for the page to show instead of a
 * bare yes or no: {@code yes} says what a process that has the type was found to do ("can
 * deadlock"), {@code no} what one that lacks it does ("cannot deadlock"), {@code unknown} what
 * is still open. Each comes with the tone the page colours it in.
 */
public record Reading(Reading.Phrase yes, Reading.Phrase no, Reading.Phrase unknown) {
  public Reading {
    Objects.requireNonNull(yes, "yes");
    Objects.requireNonNull(no, "no");
    Objects.requireNonNull(unknown, "unknown");
  }

  /** A verdict in words, and whether what it reports is a hazard, a safeguard or neither. */
  public record Phrase(String text, Tone tone) {
    public Phrase {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(tone, "tone");
    }
  }

  /**
   * {@code warning}: what was found is a hazard (a reachable deadlock, a race, a run that never
   * terminates); {@code good}: a guarantee (no deadlock, termination on every run); {@code neutral}:
   * neither (a message can be reached); {@code unknown}: not decided.
   */
  public enum Tone {
    WARNING,
    GOOD,
    NEUTRAL,
    UNKNOWN;

    /** The tone of the opposite finding: a hazard ruled out is a guarantee. */
    Tone opposite() {
      return switch (this) {
        case WARNING -> GOOD;
        case GOOD -> WARNING;
        case NEUTRAL -> NEUTRAL;
        case UNKNOWN -> UNKNOWN;
      };
    }

    /** The tone of two findings reported together: a hazard in either is a hazard. */
    Tone with(Tone other) {
      if (this == WARNING || other == WARNING) {
        return WARNING;
      }
      if (this == UNKNOWN || other == UNKNOWN) {
        return UNKNOWN;
      }
      return this == GOOD && other == GOOD ? GOOD : NEUTRAL;
    }

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
