package rhoscope.server.wire;

import java.util.Objects;

/** {@code POST /api/types/parse}: the type as sent and its two printings (see {@link TypeForms}). */
public record ParsedTypeAnswer(String type, String normalised, String core) {
  public ParsedTypeAnswer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(normalised, "normalised");
    Objects.requireNonNull(core, "core");
  }
}
