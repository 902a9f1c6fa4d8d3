package rhoscope.server.wire;

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

  /**
   * The format of a process that names none: SBML when the name ends in {@code .xml} or {@code
   * .sbml} or the source opens with an XML declaration or an {@code <sbml>} element, else Rholang.
   */
  public static SourceFormat infer(String name, String source) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xml") || lower.endsWith(".sbml")) {
      return SBML;
    }
    if (source != null) {
      String head = source.stripLeading();
      if (head.startsWith("\uFEFF")) {
        head = head.substring(1).stripLeading();
      }
      if (head.startsWith("<?xml") || head.startsWith("<sbml")) {
        return SBML;
      }
    }
    return RHOLANG;
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
