package rhoscope.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The answer of a type for one process; {@code UNKNOWN} when a bound ended the check first. */
public enum Verdict {
  HOLDS,
  VIOLATED,
  UNKNOWN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
