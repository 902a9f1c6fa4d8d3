package rhoscope.lang;

import java.util.List;
import java.util.Objects;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeDefinition;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.ast.type.TypeNormalizer;
import rhoscope.lang.diag.Positions;

/**
 * A parsed query: the {@code let} definitions it made, the type as written, the scope its named
 * types resolve in (standard library plus those definitions), and where each node came from.
 */
public record ParsedType(
    String sourceName,
    String text,
    List<TypeDefinition> definitions,
    Type type,
    TypeLibrary scope,
    Positions positions) {
  public ParsedType {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(text, "text");
    definitions = List.copyOf(definitions);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(positions, "positions");
  }

  /** The type in the core the model checker evaluates: sugar expanded, named types inlined. */
  public Type core() {
    return TypeExpander.expand(type, scope);
  }

  /** The canonical text of {@link #core()}, up to bound-variable names: a verdict cache key. */
  public String normalizedKey() {
    return TypeNormalizer.key(type, scope);
  }
}
