package rhoscope.lang.ast.type;

import java.util.List;
import java.util.Objects;

/**
 * A named type {@code let name(p, ...) = body;}. The parameters are name patterns: inside
 * {@code body} a {@link NamePattern.PrivateName} spelled like a parameter stands for the
 * argument. {@code doc} is the definition's documentation comment, or empty.
 */
public record TypeDefinition(String name, List<String> params, Type body, String doc) {
  public TypeDefinition {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(doc, "doc");
  }
}
