package rhoscope.lang.ast.type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rhoscope.lang.print.TypePrinter;

/**
 * The canonical form of a type, used as the cache key of verdicts: sugar expanded (and its tags
 * dropped, so that a sugar and its hand-written expansion meet), named types inlined, and every
 * bound variable renamed after the number of binders around it ({@code X0} outermost), so that
 * types equal up to the names of bound variables meet.
 */
public final class TypeNormalizer {
  private TypeNormalizer() {}

  /** The canonical core form of {@code type}. */
  public static Type normalize(Type type, TypeLibrary library) {
    return rename(TypeExpander.expand(type, library), new HashMap<>(), 0);
  }

  /** The canonical text of {@code type}: equal keys, equal meaning. */
  public static String key(Type type, TypeLibrary library) {
    return TypePrinter.print(normalize(type, library));
  }

  /**
   * {@code names}: the new name of each variable in scope; {@code depth}: binders around. A
   * suspended subformula is a scope of its own, numbered from {@code X0} again.
   */
  private static Type rename(Type type, Map<String, String> names, int depth) {
    if (type instanceof Type.Sugared s) {
      return rename(s.core(), names, depth);
    }
    if (type instanceof Type.Var v) {
      return new Type.Var(names.getOrDefault(v.name(), v.name()));
    }
    String x = "X" + depth;
    Map<String, String> inner = names;
    int innerDepth = depth;
    Optional<String> binder = type.binder();
    if (binder.isPresent()) {
      inner = new HashMap<>(names);
      inner.put(binder.get(), x);
      innerDepth = depth + 1;
    }
    List<Type> children = new ArrayList<>();
    for (Type operand : type.operands()) {
      children.add(rename(operand, inner, innerDepth));
    }
    for (Type nested : type.suspended()) {
      children.add(rename(nested, new HashMap<>(), 0));
    }
    Type renamed = type.withChildren(children);
    return binder.isPresent() ? renamed.withBinder(x) : renamed;
  }
}
