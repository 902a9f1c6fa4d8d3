package rhoscope.lang.ast.type;

import java.util.HashMap;
import java.util.Map;
import rhoscope.lang.ast.type.NamePattern.QuoteName;
import rhoscope.lang.ast.type.PayloadPattern.Typed;
import rhoscope.lang.print.TypePrinter;

/**
 * The canonical form of a type, used as the cache key of verdicts: sugar expanded, named types
 * inlined, and every bound variable renamed after the number of binders around it
 * ({@code X0} outermost), so that types equal up to the names of bound variables meet.
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

  private static Type rename(Type type, Map<String, String> names, int depth) {
    return switch (type) {
      case Type.Var v -> new Type.Var(names.getOrDefault(v.name(), v.name()));
      case Type.Mu m -> {
        Map<String, String> inner = new HashMap<>(names);
        String x = "X" + depth;
        inner.put(m.variable(), x);
        yield new Type.Mu(x, rename(m.body(), inner, depth + 1));
      }
      case Type.Nu n -> {
        Map<String, String> inner = new HashMap<>(names);
        String x = "X" + depth;
        inner.put(n.variable(), x);
        yield new Type.Nu(x, rename(n.body(), inner, depth + 1));
      }
      case Type.Par p -> new Type.Par(rename(p.left(), names, depth), rename(p.right(), names, depth));
      case Type.And a -> new Type.And(rename(a.left(), names, depth), rename(a.right(), names, depth));
      case Type.Or o -> new Type.Or(rename(o.left(), names, depth), rename(o.right(), names, depth));
      case Type.Not n -> new Type.Not(rename(n.operand(), names, depth));
      case Type.Diamond d ->
          new Type.Diamond(d.label().map(TypeNormalizer::renameNested), rename(d.body(), names, depth));
      case Type.Box b ->
          new Type.Box(b.label().map(TypeNormalizer::renameNested), rename(b.body(), names, depth));
      case Type.Send s ->
          new Type.Send(
              renameNested(s.channel()),
              s.args().stream().map(TypeNormalizer::renameNested).toList(),
              s.open());
      case Type.Receive r ->
          new Type.Receive(renameNested(r.channel()), rename(r.body(), new HashMap<>(), 0));
      case Type.Contract c -> new Type.Contract(renameNested(c.channel()));
      case Type.Eval e -> new Type.Eval(renameNested(e.name()));
      case Type.Race r -> new Type.Race(renameNested(r.channel()));
      case Type.Nil n -> n;
      case Type.True t -> t;
      case Type.False f -> f;
      // The expander leaves no sugar; these cases keep the switch exhaustive for core input.
      case Type.Implies i -> throw notCore(i);
      case Type.Contains c -> throw notCore(c);
      case Type.Eventually e -> throw notCore(e);
      case Type.Always a -> throw notCore(a);
      case Type.Inevitably i -> throw notCore(i);
      case Type.Deadlock d -> throw notCore(d);
      case Type.Terminated t -> throw notCore(t);
      case Type.Call c -> throw notCore(c);
    };
  }

  /** Names and payloads open a scope of their own (outer variables are not visible there). */
  private static NamePattern renameNested(NamePattern name) {
    return name instanceof QuoteName q ? new QuoteName(rename(q.type(), new HashMap<>(), 0)) : name;
  }

  private static PayloadPattern renameNested(PayloadPattern payload) {
    return payload instanceof Typed t ? new Typed(rename(t.type(), new HashMap<>(), 0)) : payload;
  }

  private static IllegalStateException notCore(Type type) {
    return new IllegalStateException("not a core type: " + type);
  }
}
