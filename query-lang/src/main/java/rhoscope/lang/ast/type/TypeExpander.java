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
  /** Kinds of sugar for {@link #retag}, which reads their operands off the core. */
  private static final Type.Sugar EVENTUALLY = new Type.Eventually(new Type.True());

  private static final Type.Sugar ALWAYS = new Type.Always(new Type.True());

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
      // A fixpoint written by hand that is exactly the expansion of `eventually P` or `always P`
      // gets the same tag, so that it is checked on the fly like the sugar.
      case Type.Mu m -> retag(EVENTUALLY, coreChildren(m));
      case Type.Nu n -> retag(ALWAYS, coreChildren(n));
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

  private Type expandSugar(Type.Sugar sugar) {
    return switch (sugar) {
      case Type.Call c -> core(inline(c));
      case Type.Deadlock d -> tagged(d);
      case Type.Terminated t -> tagged(t);
      case Type.Contains c -> tagged(new Type.Contains(core(c.operand())));
      case Type.Implies i -> tagged(new Type.Implies(core(i.left()), core(i.right())));
      case Type.Eventually e -> tagged(new Type.Eventually(core(e.operand())));
      case Type.Always a -> tagged(new Type.Always(core(a.operand())));
      case Type.Inevitably i -> tagged(new Type.Inevitably(core(i.operand())));
    };
  }

  /** A sugar whose operands are already core, tagged on its meaning. */
  private static Type.Sugared tagged(Type.Sugar sugar) {
    return new Type.Sugared(sugar, meaning(sugar, fresh(sugar)));
  }

  /**
   * The one place that knows what each sugar means: its expansion over its own operands, with
   * {@code x} as the variable of the fixpoint it expands to.
   */
  private static Type meaning(Type.Sugar sugar, String x) {
    return switch (sugar) {
      case Type.Deadlock d -> deadlock();
      case Type.Terminated t -> terminated();
      case Type.Contains c -> new Type.Par(c.operand(), new Type.True());
      case Type.Implies i -> new Type.Or(new Type.Not(i.left()), i.right());
      case Type.Eventually e -> eventually(e.operand(), x);
      case Type.Always a -> always(a.operand(), x);
      case Type.Inevitably i -> inevitably(i.operand(), x);
      case Type.Call c -> throw new IllegalArgumentException("a call is inlined, not tagged: " + c);
    };
  }

  /**
   * {@code core} tagged with a sugar of the kind of {@code kind} when it is exactly that sugar's
   * expansion over some operands, which are read off {@code core}; otherwise {@code core}
   * untagged. A pass that rewrites inside an expansion (renaming names, substituting
   * parameters) keeps the tag so, while a rewrite that changes the meaning loses it.
   */
  static Type retag(Type.Sugar kind, Type core) {
    Optional<Type.Sugar> sugar = operandsOf(kind, core);
    Optional<String> x = core.binder();
    if (sugar.isEmpty()
        || x.isPresent() && freeVariables(sugar.get()).contains(x.get())
        || !meaning(sugar.get(), x.orElse("X")).equals(core)) {
      return core;
    }
    return new Type.Sugared(sugar.get(), core);
  }

  /** A sugar of the kind of {@code kind} over what {@code core} holds where its expansion would. */
  private static Optional<Type.Sugar> operandsOf(Type.Sugar kind, Type core) {
    return switch (kind) {
      case Type.Deadlock d -> Optional.of(d);
      case Type.Terminated t -> Optional.of(t);
      case Type.Contains c ->
          core instanceof Type.Par p ? Optional.of(new Type.Contains(p.left())) : Optional.empty();
      case Type.Implies i ->
          core instanceof Type.Or o && o.left() instanceof Type.Not n
              ? Optional.of(new Type.Implies(n.operand(), o.right()))
              : Optional.empty();
      case Type.Eventually e ->
          core instanceof Type.Mu m && m.body() instanceof Type.Or o
              ? Optional.of(new Type.Eventually(o.left()))
              : Optional.empty();
      case Type.Always a ->
          core instanceof Type.Nu n && n.body() instanceof Type.And and
              ? Optional.of(new Type.Always(and.left()))
              : Optional.empty();
      case Type.Inevitably i ->
          core instanceof Type.Mu m && m.body() instanceof Type.Or o
              ? Optional.of(new Type.Inevitably(o.left()))
              : Optional.empty();
      case Type.Call c -> Optional.empty();
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
