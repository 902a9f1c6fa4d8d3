package rhoscope.lang.ast.type;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rhoscope.lang.ast.type.NamePattern.AnyName;
import rhoscope.lang.ast.type.NamePattern.PrivateName;

/**
 * Rewrites a type into the core the model checker evaluates: no {@link Type.Sugar} remains. Each
 * sugar becomes a {@link Type.Sugared} holding the sugar (over the core of its operands) and its
 * expansion, so that later passes read what was written instead of recognising the expansion.
 * Calls are inlined with their arguments substituted for the parameters.
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
    return !(type instanceof Type.Sugar) && type.children().stream().allMatch(TypeExpander::isCore);
  }

  private Type core(Type type) {
    return switch (type) {
      case Type.Sugar sugar -> expandSugar(sugar);
      case Type.Mu m -> tagHandWritten(coreChildren(m));
      case Type.Nu n -> tagHandWritten(coreChildren(n));
      case Type.Sugared s -> s;
      case Type.Nil n -> n;
      case Type.True t -> t;
      case Type.False f -> f;
      case Type.Var v -> v;
      case Type.Par p -> coreChildren(p);
      case Type.And a -> coreChildren(a);
      case Type.Or o -> coreChildren(o);
      case Type.Not n -> coreChildren(n);
      case Type.Diamond d -> coreChildren(d);
      case Type.Box b -> coreChildren(b);
      case Type.Atom a -> coreChildren(a);
      case Type.Race r -> coreChildren(r);
    };
  }

  private Type coreChildren(Type type) {
    return type.withChildren(type.children().stream().map(this::core).toList());
  }

  /** The one place that knows what each sugar means. */
  private Type expandSugar(Type.Sugar sugar) {
    return switch (sugar) {
      case Type.Call c -> core(inline(c));
      case Type.Deadlock d -> new Type.Sugared(d, deadlock());
      case Type.Terminated t -> new Type.Sugared(t, terminated());
      case Type.Contains c -> {
        Type body = core(c.operand());
        yield new Type.Sugared(new Type.Contains(body), new Type.Par(body, new Type.True()));
      }
      case Type.Implies i -> {
        Type left = core(i.left());
        Type right = core(i.right());
        yield new Type.Sugared(new Type.Implies(left, right), new Type.Or(new Type.Not(left), right));
      }
      case Type.Eventually e -> {
        Type body = core(e.operand());
        yield new Type.Sugared(new Type.Eventually(body), eventually(body, fresh(body)));
      }
      case Type.Always a -> {
        Type body = core(a.operand());
        yield new Type.Sugared(new Type.Always(body), always(body, fresh(body)));
      }
      case Type.Inevitably i -> {
        Type body = core(i.operand());
        yield new Type.Sugared(new Type.Inevitably(body), inevitably(body, fresh(body)));
      }
    };
  }

  /** {@code mu X. P or <>X}: EF P, with X not free in P. */
  private static Type eventually(Type body, String x) {
    return new Type.Mu(x, new Type.Or(body, new Type.Diamond(Optional.empty(), new Type.Var(x))));
  }

  /** {@code nu X. P and []X}: AG P, with X not free in P. */
  private static Type always(Type body, String x) {
    return new Type.Nu(x, new Type.And(body, new Type.Box(Optional.empty(), new Type.Var(x))));
  }

  private static Type inevitably(Type body, String x) {
    Type step =
        new Type.And(
            new Type.Diamond(Optional.empty(), new Type.True()),
            new Type.Box(Optional.empty(), new Type.Var(x)));
    return new Type.Mu(x, new Type.Or(body, step));
  }

  private static Type deadlock() {
    return new Type.And(noStep(), linearReceiveWaits());
  }

  private static Type terminated() {
    return new Type.And(noStep(), new Type.Not(linearReceiveWaits()));
  }

  /** The type that the stuck-thread part of {@code deadlock} and {@code terminated} share. */
  private static Type linearReceiveWaits() {
    return new Type.Par(new Type.Receive(new AnyName(), new Type.True()), new Type.True());
  }

  private static Type noStep() {
    return new Type.Box(Optional.empty(), new Type.False());
  }

  /**
   * A fixpoint written by hand that is exactly the expansion of {@code eventually P} or
   * {@code always P} gets the same tag, so that it is checked on the fly like the sugar. The test
   * is equality with the expansion itself, so it cannot drift from what the sugar means.
   */
  private static Type tagHandWritten(Type fixpoint) {
    if (fixpoint instanceof Type.Mu m
        && m.body() instanceof Type.Or o
        && !freeVariables(o.left()).contains(m.variable())
        && m.equals(eventually(o.left(), m.variable()))) {
      return new Type.Sugared(new Type.Eventually(o.left()), m);
    }
    if (fixpoint instanceof Type.Nu n
        && n.body() instanceof Type.And a
        && !freeVariables(a.left()).contains(n.variable())
        && n.equals(always(a.left(), n.variable()))) {
      return new Type.Sugared(new Type.Always(a.left()), n);
    }
    return fixpoint;
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
    // Children first: an argument quoting a type is the caller's, not to be substituted again.
    Type rebuilt = type.withChildren(type.children().stream().map(c -> substitute(c, args)).toList());
    List<NamePattern> names =
        rebuilt.names().stream()
            .map(n -> n instanceof PrivateName p ? args.getOrDefault(p.identifier(), p) : n)
            .toList();
    return rebuilt.withNames(names);
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

  /**
   * The fixpoint variables that occur free in {@code type}, in its own scope: a suspended
   * subformula (continuation, quoted or payload type) sees none of them.
   */
  public static Set<String> freeVariables(Type type) {
    Set<String> free = new HashSet<>();
    collectFree(type, new HashSet<>(), free);
    return free;
  }

  private static void collectFree(Type type, Set<String> bound, Set<String> free) {
    Set<String> scope = bound;
    if (type instanceof Type.Var v && !bound.contains(v.name())) {
      free.add(v.name());
    }
    Optional<String> binder = type.binder();
    if (binder.isPresent()) {
      scope = new HashSet<>(bound);
      scope.add(binder.get());
    }
    for (Type child : type.operands()) {
      collectFree(child, scope, free);
    }
  }
}
