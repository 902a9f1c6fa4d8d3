package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;

/** A type of the standard library: {@code name(parameters) = definition}, and what it means. */
public record NamedType(
    String name, List<String> parameters, String definition, String description) {
  public NamedType {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(description, "description");
  }
}
