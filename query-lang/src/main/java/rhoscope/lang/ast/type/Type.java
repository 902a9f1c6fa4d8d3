package rhoscope.lang.ast.type;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A formula of the LADL-style type (query) language. Three families of constructors: one per
 * process constructor (structural), the Boolean algebra, and the reduction relation
 * (modalities and fixpoints). Sugar ({@link Contains}, {@link Eventually}, {@link Always},
 * {@link Inevitably}, {@link Deadlock}, {@link Terminated}, {@link Implies}, {@link Call}) is kept
 * as written so that printing round-trips; {@link TypeExpander} rewrites it into the core that
 * the model checker evaluates.
 *
 * <p>Nodes compare structurally; source positions live beside the tree in {@code Positions}.
 */
public sealed interface Type {

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
  record Send(NamePattern channel, List<PayloadPattern> args, boolean open) implements Type {
    public Send {
      Objects.requireNonNull(channel, "channel");
      args = List.copyOf(args);
    }
  }

  /**
   * {@code for(n){T}}: exactly one thread, a linear receive ({@code <-} or the peek
   * {@code <<-}) with a source on a channel matching {@code n}, whose continuation has type T.
   */
  record Receive(NamePattern channel, Type body) implements Type {
    public Receive {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code contract n}: exactly one thread, a persistent receive (contract or {@code <=}) on n. */
  record Contract(NamePattern channel) implements Type {
    public Contract {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** {@code *n}: exactly one thread, a stuck dereference of a name matching {@code n}. */
  record Eval(NamePattern name) implements Type {
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
  record Implies(Type left, Type right) implements Type {
    public Implies {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /**
   * {@code <n>T}: some COMM on a channel matching {@code n} leads to a state of type T;
   * {@code <>T} (no label) allows any COMM.
   */
  record Diamond(Optional<NamePattern> label, Type body) implements Type {
    public Diamond {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code [n]T}: every COMM on a channel matching {@code n} leads to a state of type T. */
  record Box(Optional<NamePattern> label, Type body) implements Type {
    public Box {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code mu X. T}: the least fixpoint. */
  record Mu(String variable, Type body) implements Type {
    public Mu {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code nu X. T}: the greatest fixpoint. */
  record Nu(String variable, Type body) implements Type {
    public Nu {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(body, "body");
    }
  }

  /** A fixpoint variable bound by an enclosing {@link Mu} or {@link Nu}. */
  record Var(String name) implements Type {
    public Var {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code race(n)}: in this state two sends on a channel matching {@code n} could each COMM with
   * one linear receive, or two linear receives could each COMM with one send. Part of the core:
   * "could fire" depends on pattern matching, which the structural constructors cannot state.
   */
  record Race(NamePattern channel) implements Type {
    public Race {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** {@code contains T}, sugar for {@code T | true}. */
  record Contains(Type operand) implements Type {
    public Contains {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code eventually T} (EF), sugar for {@code mu X. T or <>X}. */
  record Eventually(Type operand) implements Type {
    public Eventually {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code always T} (AG), sugar for {@code nu X. T and []X}. */
  record Always(Type operand) implements Type {
    public Always {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code inevitably T} (AF), sugar for {@code mu X. T or (<>true and []X)}: a state without
   * successor satisfies it only if it satisfies T.
   */
  record Inevitably(Type operand) implements Type {
    public Inevitably {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code deadlock}, sugar for {@code []false and contains for(_){true}}: no step is possible
   * and a linear receive still waits.
   */
  record Deadlock() implements Type {}

  /**
   * {@code terminated}, sugar for {@code []false and not contains for(_){true}}: no step is
   * possible and only sends and services (contracts, {@code <=}) remain.
   */
  record Terminated() implements Type {}

  /** A named type from a {@code let} or the standard library, with name-pattern arguments. */
  record Call(String name, List<NamePattern> args) implements Type {
    public Call {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
    }
  }
}
