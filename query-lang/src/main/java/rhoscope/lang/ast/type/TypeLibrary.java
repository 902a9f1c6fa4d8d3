package rhoscope.lang.ast.type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable scope of named types, in definition order. A later definition of a name hides
 * an earlier one (a query's {@code let} may hide a standard-library type).
 */
public final class TypeLibrary {
  private static final TypeLibrary EMPTY = new TypeLibrary(new LinkedHashMap<>());

  private final Map<String, TypeDefinition> byName;

  private TypeLibrary(Map<String, TypeDefinition> byName) {
    this.byName = byName;
  }

  public static TypeLibrary empty() {
    return EMPTY;
  }

  /** This scope plus {@code definition}, which hides any earlier definition of its name. */
  public TypeLibrary with(TypeDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    Map<String, TypeDefinition> next = new LinkedHashMap<>(byName);
    next.remove(definition.name());
    next.put(definition.name(), definition);
    return new TypeLibrary(next);
  }

  public Optional<TypeDefinition> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every definition in the scope, in definition order. */
  public List<TypeDefinition> definitions() {
    return List.copyOf(new ArrayList<>(byName.values()));
  }
}
