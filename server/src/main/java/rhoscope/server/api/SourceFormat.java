package rhoscope.server.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The language a process arrives in. */
public enum SourceFormat {
  RHOLANG,
  SBML;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the wire name; unknown names are bad input, not a server error. */
  @JsonCreator
  public static SourceFormat fromWire(String text) {
    for (SourceFormat f : values()) {
      if (f.wireName().equalsIgnoreCase(text)) {
        return f;
      }
    }
    throw ApiException.badRequest("unknown format '" + text + "': expected rholang or sbml");
  }
}
