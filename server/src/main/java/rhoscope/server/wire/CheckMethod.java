package rhoscope.server.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import rhoscope.engine.check.Method;

/**
 * How a verdict was reached, on the wire: {@code explore} (the checker explored the states) or
 * {@code closure} (decided from the presence closure of a boolean SBML model, without exploring).
 */
public enum CheckMethod {
  EXPLORE,
  CLOSURE;

  public static CheckMethod of(Method m) {
    return switch (m) {
      case EXPLORE -> EXPLORE;
      case CLOSURE -> CLOSURE;
    };
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the wire name; unknown names are bad input, not a server error. */
  @JsonCreator
  public static CheckMethod fromWire(String text) {
    for (CheckMethod m : values()) {
      if (m.wireName().equalsIgnoreCase(text)) {
        return m;
      }
    }
    throw ApiException.badRequest("unknown method '" + text + "': expected explore or closure");
  }
}
