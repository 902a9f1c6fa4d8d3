package rhoscope.lang.ast.type;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rhoscope.lang.ast.type.NamePattern.AnyName;
import rhoscope.lang.ast.type.NamePattern.PrivateName;
import rhoscope.lang.ast.type.NamePattern.QuoteName;
import rhoscope.lang.ast.type.NamePattern.StringName;
import rhoscope.lang.ast.type.NamePattern.UriName;
import rhoscope.lang.ast.type.PayloadPattern.AnyPayload;
import rhoscope.lang.ast.type.PayloadPattern.Compare;
import rhoscope.lang.ast.type.PayloadPattern.Equal;
import rhoscope.lang.ast.type.PayloadPattern.Typed;

/**
 * Rewrites a type into the core the model checker evaluates: no {@link Type.Contains},
 * {@link Type.Eventually}, {@link Type.Always}, {@link Type.Inevitably}, {@link Type.Deadlock},
 * {@link Type.Terminated}, {@link Type.Implies} or {@link Type.Call} remains. Calls are inlined
 * with their arguments substituted for the parameters.
 */
public final class TypeExpander {
  private final TypeLibrary library;

  private TypeExpander(TypeLibrary library) {
    this.library = library;
  }

  /**
   * The core form of {@code type}; every call in it must name a definition of {@code library}
   * with the right number of arguments (the parser guarantees it).
   */
  public static Type expand(Type type, TypeLibrary library) {
    return new TypeExpander(library).core(type);
  }

  /** Whether {@code type} is already in the core (no sugar anywhere, payloads and quotes too). */
  public static boolean isCore(Type type) {
    return switch (type) {
      case Type.Nil n -> true;
      case Type.True t -> true;
      case Type.False f -> true;
      case Type.Var v -> true;
      case Type.Par p -> isCore(p.left()) && isCore(p.right());
      case Type.And a -> isCore(a.left()) && isCore(a.right());
      case Type.Or o -> isCore(o.left()) && isCore(o.right());
      case Type.Not n -> isCore(n.operand());
      case Type.Diamond d -> d.label().map(TypeExpander::isCore).orElse(true) && isCore(d.body());
      case Type.Box b -> b.label().map(TypeExpander::isCore).orElse(true) && isCore(b.body());
      case Type.Mu m -> isCore(m.body());
      case Type.Nu n -> isCore(n.body());
      case Type.Send s ->
          isCore(s.channel()) && s.args().stream().allMatch(TypeExpander::isCore);
      case Type.Receive r -> isCore(r.channel()) && isCore(r.body());
      case Type.Contract c -> isCore(c.channel());
      case Type.Eval e -> isCore(e.name());
      case Type.Race r -> isCore(r.channel());
      case Type.Contains c -> false;
      case Type.Eventually e -> false;
      case Type.Always a -> false;
      case Type.Inevitably i -> false;
      case Type.Deadlock d -> false;
      case Type.Terminated t -> false;
      case Type.Implies i -> false;
      case Type.Call c -> false;
    };
  }

  private static boolean isCore(NamePattern name) {
    return !(name instanceof QuoteName q) || isCore(q.type());
  }

  private static boolean isCore(PayloadPattern payload) {
    return !(payload instanceof Typed t) || isCore(t.type());
  }

  /** The type that the stuck-thread part of {@code deadlock} and {@code terminated} share. */
  private static Type linearReceiveWaits() {
    return new Type.Par(new Type.Receive(new AnyName(), new Type.True()), new Type.True());
  }

  private static Type noStep() {
    return new Type.Box(Optional.empty(), new Type.False());
  }

  private Type core(Type type) {
    return switch (type) {
      case Type.Nil n -> n;
      case Type.True t -> t;
      case Type.False f -> f;
      case Type.Var v -> v;
      case Type.Par p -> new Type.Par(core(p.left()), core(p.right()));
      case Type.And a -> new Type.And(core(a.left()), core(a.right()));
      case Type.Or o -> new Type.Or(core(o.left()), core(o.right()));
      case Type.Not n -> new Type.Not(core(n.operand()));
      case Type.Implies i -> new Type.Or(new Type.Not(core(i.left())), core(i.right()));
      case Type.Diamond d -> new Type.Diamond(d.label().map(this::core), core(d.body()));
      case Type.Box b -> new Type.Box(b.label().map(this::core), core(b.body()));
      case Type.Mu m -> new Type.Mu(m.variable(), core(m.body()));
      case Type.Nu n -> new Type.Nu(n.variable(), core(n.body()));
      case Type.Send s ->
          new Type.Send(core(s.channel()), s.args().stream().map(this::core).toList(), s.open());
      case Type.Receive r -> new Type.Receive(core(r.channel()), core(r.body()));
      case Type.Contract c -> new Type.Contract(core(c.channel()));
      case Type.Eval e -> new Type.Eval(core(e.name()));
      case Type.Race r -> new Type.Race(core(r.channel()));
      case Type.Contains c -> new Type.Par(core(c.operand()), new Type.True());
      case Type.Eventually e -> {
        Type body = core(e.operand());
        String x = fresh(body);
        yield new Type.Mu(x, new Type.Or(body, new Type.Diamond(Optional.empty(), new Type.Var(x))));
      }
      case Type.Always a -> {
        Type body = core(a.operand());
        String x = fresh(body);
        yield new Type.Nu(x, new Type.And(body, new Type.Box(Optional.empty(), new Type.Var(x))));
      }
      case Type.Inevitably i -> {
        Type body = core(i.operand());
        String x = fresh(body);
        Type step =
            new Type.And(
                new Type.Diamond(Optional.empty(), new Type.True()),
                new Type.Box(Optional.empty(), new Type.Var(x)));
        yield new Type.Mu(x, new Type.Or(body, step));
      }
      case Type.Deadlock d -> new Type.And(noStep(), linearReceiveWaits());
      case Type.Terminated t -> new Type.And(noStep(), new Type.Not(linearReceiveWaits()));
      case Type.Call c -> core(inline(c));
    };
  }

  private NamePattern core(NamePattern name) {
    return name instanceof QuoteName q ? new QuoteName(core(q.type())) : name;
  }

  private PayloadPattern core(PayloadPattern payload) {
    return payload instanceof Typed t ? new Typed(core(t.type())) : payload;
  }

  private Type inline(Type.Call call) {
    TypeDefinition def =
        library
            .lookup(call.name())
            .orElseThrow(() -> new IllegalArgumentException("unknown named type " + call.name()));
    if (def.params().size() != call.args().size()) {
      throw new IllegalArgumentException(
          call.name() + " takes " + def.params().size() + " arguments, not " + call.args().size());
    }
    Map<String, NamePattern> args = new HashMap<>();
    for (int i = 0; i < def.params().size(); i++) {
      args.put(def.params().get(i), call.args().get(i));
    }
    return substitute(def.body(), args);
  }

  /** Replaces each parameter (a private-name pattern spelled like it) by its argument. */
  static Type substitute(Type type, Map<String, NamePattern> args) {
    if (args.isEmpty()) {
      return type;
    }
    return switch (type) {
      case Type.Nil n -> n;
      case Type.True t -> t;
      case Type.False f -> f;
      case Type.Var v -> v;
      case Type.Deadlock d -> d;
      case Type.Terminated t -> t;
      case Type.Par p -> new Type.Par(substitute(p.left(), args), substitute(p.right(), args));
      case Type.And a -> new Type.And(substitute(a.left(), args), substitute(a.right(), args));
      case Type.Or o -> new Type.Or(substitute(o.left(), args), substitute(o.right(), args));
      case Type.Implies i ->
          new Type.Implies(substitute(i.left(), args), substitute(i.right(), args));
      case Type.Not n -> new Type.Not(substitute(n.operand(), args));
      case Type.Contains c -> new Type.Contains(substitute(c.operand(), args));
      case Type.Eventually e -> new Type.Eventually(substitute(e.operand(), args));
      case Type.Always a -> new Type.Always(substitute(a.operand(), args));
      case Type.Inevitably i -> new Type.Inevitably(substitute(i.operand(), args));
      case Type.Diamond d ->
          new Type.Diamond(d.label().map(l -> substitute(l, args)), substitute(d.body(), args));
      case Type.Box b ->
          new Type.Box(b.label().map(l -> substitute(l, args)), substitute(b.body(), args));
      case Type.Mu m -> new Type.Mu(m.variable(), substitute(m.body(), args));
      case Type.Nu n -> new Type.Nu(n.variable(), substitute(n.body(), args));
      case Type.Send s ->
          new Type.Send(
              substitute(s.channel(), args),
              s.args().stream().map(p -> substitute(p, args)).toList(),
              s.open());
      case Type.Receive r ->
          new Type.Receive(substitute(r.channel(), args), substitute(r.body(), args));
      case Type.Contract c -> new Type.Contract(substitute(c.channel(), args));
      case Type.Eval e -> new Type.Eval(substitute(e.name(), args));
      case Type.Race r -> new Type.Race(substitute(r.channel(), args));
      case Type.Call c ->
          new Type.Call(c.name(), c.args().stream().map(a -> substitute(a, args)).toList());
    };
  }

  private static NamePattern substitute(NamePattern name, Map<String, NamePattern> args) {
    return switch (name) {
      case PrivateName p -> args.getOrDefault(p.identifier(), p);
      case QuoteName q -> new QuoteName(substitute(q.type(), args));
      case StringName s -> s;
      case UriName u -> u;
      case AnyName a -> a;
    };
  }

  private static PayloadPattern substitute(PayloadPattern payload, Map<String, NamePattern> args) {
    return switch (payload) {
      case Typed t -> new Typed(substitute(t.type(), args));
      case AnyPayload a -> a;
      case Equal e -> e;
      case Compare c -> c;
    };
  }

  /** A variable name that is not free in {@code body}, so binding it captures nothing. */
  private static String fresh(Type body) {
    Set<String> free = freeVariables(body);
    String candidate = "X";
    for (int i = 1; free.contains(candidate); i++) {
      candidate = "X" + i;
    }
    return candidate;
  }

  /** The fixpoint variables that occur free in a core type. */
  public static Set<String> freeVariables(Type type) {
    Set<String> free = new HashSet<>();
    collectFree(type, new HashSet<>(), free);
    return free;
  }

  private static void collectFree(Type type, Set<String> bound, Set<String> free) {
    switch (type) {
      case Type.Var v -> {
        if (!bound.contains(v.name())) {
          free.add(v.name());
        }
      }
      case Type.Mu m -> collectFreeUnder(m.variable(), m.body(), bound, free);
      case Type.Nu n -> collectFreeUnder(n.variable(), n.body(), bound, free);
      default -> {
        for (Type child : children(type)) {
          collectFree(child, bound, free);
        }
      }
    }
  }

  private static void collectFreeUnder(String x, Type body, Set<String> bound, Set<String> free) {
    Set<String> inner = new HashSet<>(bound);
    inner.add(x);
    collectFree(body, inner, free);
  }

  /** The direct subformulas of {@code type} in which fixpoint variables of its scope are visible. */
  static List<Type> children(Type type) {
    return switch (type) {
      case Type.Nil n -> List.of();
      case Type.True t -> List.of();
      case Type.False f -> List.of();
      case Type.Var v -> List.of();
      case Type.Deadlock d -> List.of();
      case Type.Terminated t -> List.of();
      case Type.Send s -> List.of();
      case Type.Contract c -> List.of();
      case Type.Eval e -> List.of();
      case Type.Race r -> List.of();
      case Type.Call c -> List.of();
      // A continuation is not a state of the explored graph, so the variables of the
      // enclosing formula (sets of states) mean nothing inside it: it is its own scope.
      case Type.Receive r -> List.of();
      case Type.Par p -> List.of(p.left(), p.right());
      case Type.And a -> List.of(a.left(), a.right());
      case Type.Or o -> List.of(o.left(), o.right());
      case Type.Implies i -> List.of(i.left(), i.right());
      case Type.Not n -> List.of(n.operand());
      case Type.Contains c -> List.of(c.operand());
      case Type.Eventually e -> List.of(e.operand());
      case Type.Always a -> List.of(a.operand());
      case Type.Inevitably i -> List.of(i.operand());
      case Type.Diamond d -> List.of(d.body());
      case Type.Box b -> List.of(b.body());
      case Type.Mu m -> List.of(m.body());
      case Type.Nu n -> List.of(n.body());
    };
  }
}
