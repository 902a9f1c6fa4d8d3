package rhoscope.server.wire;

import java.util.Objects;

/**
 * A valid type in two printings: {@code normalised} is the type as written, canonically printed
 * (named types kept); {@code core} is what the checker evaluates (sugar expanded, named types
 * inlined).
 */
public record TypeForms(String normalised, String core) {
  public TypeForms {
    Objects.requireNonNull(normalised, "normalised");
    Objects.requireNonNull(core, "core");
  }
}
