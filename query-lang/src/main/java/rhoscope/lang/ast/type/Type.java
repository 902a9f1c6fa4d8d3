package rhoscope.lang.ast.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A formula of the LADL-style type (query) language. Three families of constructors: one per
 * process constructor (structural, {@link Atom} for the one-thread ones), the Boolean algebra,
 * and the reduction relation ({@link Dynamic}: modalities, fixpoints, {@code race}). {@link Sugar}
 * is kept as written so that printing round-trips; {@link TypeExpander} rewrites it into the core
 * that the model checker evaluates, wrapping each expansion in a {@link Sugared} that remembers
 * which sugar it came from.
 *
 * <p>Passes that give no constructor a meaning of its own walk {@link #children()} and rebuild
 * with {@link #withChildren}; passes that do switch over the records exhaustively, and a switch
 * on a family ({@code case Type.Sugar s}) is a decision about every member of it.
 *
 * <p>Nodes compare structurally; source positions live beside the tree in {@code Positions}.
 */
public sealed interface Type {

  /** A one-thread type: the state (or part) is exactly one thread of a given kind. */
  sealed interface Atom extends Type permits Send, Receive, Contract, Eval {}

  /**
   * A type about the steps of a state rather than its threads: it means something only on a
   * whole state of the explored graph, never on one part of a {@code |} split.
   */
  sealed interface Dynamic extends Type permits Diamond, Box, Mu, Nu, Var, Race {}

  /** Notation with a fixed meaning in the core, which the expander substitutes. */
  sealed interface Sugar extends Type
      permits Contains, Eventually, Always, Inevitably, Deadlock, Terminated, Implies, Call {}

  /**
   * The direct subformulas that describe the same states as this formula: operands, the bodies of
   * modalities and fixpoints, the core of a {@link Sugared}. The fixpoint variables in scope here
   * are in scope there.
   */
  default List<Type> operands() {
    return Traversal.operands(this);
  }

  /**
   * The direct subformulas typed on their own, in source order: the types of {@code @T} name
   * patterns and of typed payloads, and a receive's continuation. They describe a process that is
   * not running, so no enclosing fixpoint variable is visible in them and no {@code |} splits
   * around them.
   */
  default List<Type> suspended() {
    return Traversal.suspended(this);
  }

  /** Every direct subformula: {@link #operands()}, then {@link #suspended()}. */
  default List<Type> children() {
    List<Type> operands = operands();
    List<Type> suspended = suspended();
    if (suspended.isEmpty()) {
      return operands;
    }
    List<Type> all = new ArrayList<>(operands);
    all.addAll(suspended);
    return List.copyOf(all);
  }

  /**
   * This node with {@code children} (in the order of {@link #children()}) in place of its own;
   * the node itself when each is the same object. A {@link Sugared} given a different core keeps
   * a tag of its kind of sugar, over the operands of the new core, while that core is still the
   * sugar's expansion (a renaming inside it); otherwise it yields the new core untagged.
   */
  default Type withChildren(List<Type> children) {
    return Traversal.withChildren(this, children);
  }

  /** The variable this node binds in its operands: a fixpoint's. */
  default Optional<String> binder() {
    return Traversal.binder(this);
  }

  /** This fixpoint binding {@code variable} instead (its body unchanged). */
  default Type withBinder(String variable) {
    return Traversal.withBinder(this, variable);
  }

  /** The name patterns written directly in this node: channels, labels, call arguments. */
  default List<NamePattern> names() {
    return Traversal.names(this);
  }

  /**
   * This node with {@code names} (in the order of {@link #names()}) in place of its own; the types
   * quoted in them become its suspended children.
   */
  default Type withNames(List<NamePattern> names) {
    return Traversal.withNames(this, names);
  }

  /** {@code Nil}: the state has no thread at all. */
  record Nil() implements Type {}

  /** {@code T | U}: the state's thread multiset splits into a part of type T and one of type U. */
  record Par(Type left, Type right) implements Type {
    public Par {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /**
   * {@code n!(p, ...)}: exactly one thread, a send (single or persistent) on a channel matching
   * {@code n} whose arguments match the payload patterns one by one. With {@code open}
   * ({@code n!(p, ...)} ending in {@code ...}) further arguments are allowed.
   */
  record Send(NamePattern channel, List<PayloadPattern> args, boolean open) implements Atom {
    public Send {
      Objects.requireNonNull(channel, "channel");
      args = List.copyOf(args);
    }
  }

  /**
   * {@code for(n){T}}: exactly one thread, a linear receive ({@code <-} or the peek
   * {@code <<-}) with a source on a channel matching {@code n}, whose continuation has type T.
   */
  record Receive(NamePattern channel, Type body) implements Atom {
    public Receive {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code contract n}: exactly one thread, a persistent receive (contract or {@code <=}) on n. */
  record Contract(NamePattern channel) implements Atom {
    public Contract {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** {@code *n}: exactly one thread, a stuck dereference of a name matching {@code n}. */
  record Eval(NamePattern name) implements Atom {
    public Eval {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code true}: every state. */
  record True() implements Type {}

  /** {@code false}: no state. */
  record False() implements Type {}

  /** {@code not T}. */
  record Not(Type operand) implements Type {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code T and U}. */
  record And(Type left, Type right) implements Type {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** {@code T or U}. */
  record Or(Type left, Type right) implements Type {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** {@code T => U}, sugar for {@code not T or U}. */
  record Implies(Type left, Type right) implements Sugar {
    public Implies {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /**
   * {@code <n>T}: some COMM on a channel matching {@code n} leads to a state of type T;
   * {@code <>T} (no label) allows any COMM.
   */
  record Diamond(Optional<NamePattern> label, Type body) implements Dynamic {
    public Diamond {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code [n]T}: every COMM on a channel matching {@code n} leads to a state of type T. */
  record Box(Optional<NamePattern> label, Type body) implements Dynamic {
    public Box {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code mu X. T}: the least fixpoint. */
  record Mu(String variable, Type body) implements Dynamic {
    public Mu {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code nu X. T}: the greatest fixpoint. */
  record Nu(String variable, Type body) implements Dynamic {
    public Nu {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(body, "body");
    }
  }

  /** A fixpoint variable bound by an enclosing {@link Mu} or {@link Nu}. */
  record Var(String name) implements Dynamic {
    public Var {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code race(n)}: in this state two sends on a channel matching {@code n} could each COMM with
   * one linear receive, or two linear receives could each COMM with one send. Part of the core:
   * "could fire" depends on pattern matching, which the structural constructors cannot state.
   * {@code take_race(n)} ({@code takes}): such a race whose contested COMM takes a message, so
   * which competitor wins changes a value (two withdrawals of one balance); two peeks reading one
   * message, or calls competing for a contract, are races that take nothing.
   */
  record Race(NamePattern channel, boolean takes) implements Dynamic {
    public Race {
      Objects.requireNonNull(channel, "channel");
    }

    /** {@code race(n)}: any race. */
    public Race(NamePattern channel) {
      this(channel, false);
    }
  }

  /** {@code contains T}, sugar for {@code T | true}. */
  record Contains(Type operand) implements Sugar {
    public Contains {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code eventually T} (EF), sugar for {@code mu X. T or <>X}. */
  record Eventually(Type operand) implements Sugar {
    public Eventually {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code always T} (AG), sugar for {@code nu X. T and []X}. */
  record Always(Type operand) implements Sugar {
    public Always {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code inevitably T} (AF), sugar for {@code mu X. T or (<>true and []X)}: a state without
   * successor satisfies it only if it satisfies T.
   */
  record Inevitably(Type operand) implements Sugar {
    public Inevitably {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code deadlock}, sugar for {@code []false and contains for(_){true}}: no step is possible
   * and a linear receive still waits.
   */
  record Deadlock() implements Sugar {}

  /**
   * {@code terminated}, sugar for {@code []false and not contains for(_){true}}: no step is
   * possible and only sends and services (contracts, {@code <=}) remain.
   */
  record Terminated() implements Sugar {}

  /** A named type from a {@code let} or the standard library, with name-pattern arguments. */
  record Call(String name, List<NamePattern> args) implements Sugar {
    public Call {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
    }
  }

  /**
   * The core that the expander made of {@code sugar}: it means {@code core} and remembers that it
   * was written as {@code sugar}, whose operands are the (core) operands of the expansion. The
   * expander also tags a hand-written fixpoint that is exactly the expansion of {@code eventually}
   * or {@code always}. Checkers read the tag ({@code Shape}, the planner) or look through it to the
   * core. Never a {@link Call}: a named type is inlined as its definition, whose own sugar is tagged.
   */
  record Sugared(Sugar sugar, Type core) implements Type {
    public Sugared {
      Objects.requireNonNull(sugar, "sugar");
      Objects.requireNonNull(core, "core");
      if (sugar instanceof Call) {
        throw new IllegalArgumentException("a call is inlined, not tagged: " + sugar);
      }
    }
  }
}
