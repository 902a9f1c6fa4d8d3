package rhoscope.indexer.sbml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.UnaryOp;

/**
 * A test oracle for imported models, independent of the engine: it runs the process produced by the
 * importer as the rho-calculus would, but only for the shapes the importer emits (one message per
 * species on {@code @"S"} or {@code @("absent", "S")}, persistent joins whose patterns are
 * literals, variables, {@code _}, and {@code v /\ ~literal}, bodies of sends whose values are
 * literals or {@code v + n} / {@code v - n}). Anything else fails loudly, so an encoding change
 * that the oracle does not understand cannot pass by accident.
 *
 * <p>A state maps every species to its value: {@code Optional.empty()} for absent, else the payload
 * ({@code Boolean} or {@code Long}).
 */
final class SpeciesStates {
  /** A state: species id to value, sorted so that equal states print alike. */
  record State(TreeMap<String, Optional<Object>> values) {
    boolean present(String id) {
      return values.get(id).isPresent();
    }

    Object value(String id) {
      return values.get(id).orElseThrow();
    }
  }

  private final State initial;
  private final List<Proc.Input> joins;

  private SpeciesStates(State initial, List<Proc.Input> joins) {
    this.initial = initial;
    this.joins = List.copyOf(joins);
  }

  static SpeciesStates of(Proc process) {
    TreeMap<String, Optional<Object>> values = new TreeMap<>();
    List<Proc.Input> joins = new ArrayList<>();
    List<Proc> parts = process instanceof Proc.Par p ? p.parts() : List.of(process);
    for (Proc part : parts) {
      switch (part) {
        case Proc.Send s -> {
          if (s.kind() != SendKind.SINGLE || s.args().size() != 1) {
            throw new IllegalArgumentException("unexpected send " + s);
          }
          Channel c = channel(s.channel());
          Object previous =
              values.put(
                  c.species(),
                  c.absent() ? Optional.empty() : Optional.of(literal(s.args().get(0))));
          if (previous != null) {
            throw new IllegalArgumentException("two messages for species " + c.species());
          }
        }
        case Proc.Input in -> {
          if (in.kind() != ReceiptKind.PERSISTENT) {
            throw new IllegalArgumentException("expected persistent joins only: " + in);
          }
          joins.add(in);
        }
        default -> throw new IllegalArgumentException("unexpected top-level process " + part);
      }
    }
    return new SpeciesStates(new State(values), joins);
  }

  State initial() {
    return initial;
  }

  int joinCount() {
    return joins.size();
  }

  /** Every state one firing away from {@code s} (duplicates removed). */
  List<State> successors(State s) {
    Set<State> out = new LinkedHashSet<>();
    for (Proc.Input join : joins) {
      fire(join, s).ifPresent(out::add);
    }
    return new ArrayList<>(out);
  }

  /** The reachable states, breadth first; stops early when {@code stop} holds for a state. */
  Exploration explore(Predicate<State> stop, int maxStates) {
    Map<State, State> parent = new HashMap<>();
    Deque<State> queue = new ArrayDeque<>();
    parent.put(initial, initial);
    queue.add(initial);
    int steps = 0;
    while (!queue.isEmpty()) {
      State s = queue.poll();
      if (stop.test(s)) {
        return new Exploration(parent.keySet(), Optional.of(path(parent, s)), false, steps);
      }
      for (State t : successors(s)) {
        steps++;
        if (t.equals(s)) {
          throw new AssertionError("self-loop at " + s);
        }
        if (!parent.containsKey(t)) {
          if (parent.size() >= maxStates) {
            return new Exploration(parent.keySet(), Optional.empty(), false, steps);
          }
          parent.put(t, s);
          queue.add(t);
        }
      }
    }
    return new Exploration(parent.keySet(), Optional.empty(), true, steps);
  }

  /** The result of an exploration: states seen, a path to the stop state, completeness. */
  record Exploration(
      Set<State> states, Optional<List<State>> witness, boolean complete, int steps) {
    Exploration {
      states = Set.copyOf(states);
    }
  }

  private static List<State> path(Map<State, State> parent, State end) {
    List<State> path = new ArrayList<>();
    for (State s = end; ; s = parent.get(s)) {
      path.add(0, s);
      if (parent.get(s).equals(s)) {
        return path;
      }
    }
  }

  private record Channel(String species, boolean absent) {}

  private static Channel channel(Name name) {
    if (name instanceof Name.Quote q) {
      if (q.proc() instanceof Proc.StringLit s) {
        return new Channel(s.value(), false);
      }
      if (q.proc() instanceof Proc.TupleLit t
          && t.elements().size() == 2
          && t.elements().get(0).equals(new Proc.StringLit("absent"))
          && t.elements().get(1) instanceof Proc.StringLit s) {
        return new Channel(s.value(), true);
      }
    }
    throw new IllegalArgumentException("unexpected channel " + name);
  }

  private static Object literal(Proc p) {
    return switch (p) {
      case Proc.BoolLit b -> b.value();
      case Proc.IntLit i -> i.value();
      case Proc.Nil n -> n;
      default -> throw new IllegalArgumentException("unexpected payload " + p);
    };
  }

  private Optional<State> fire(Proc.Input join, State s) {
    Map<String, Object> env = new HashMap<>();
    Set<String> read = new HashSet<>();
    for (Bind b : join.binds()) {
      Channel c = channel(b.source().channel());
      if (!read.add(c.species())) {
        throw new AssertionError("a join reads species " + c.species() + " twice: " + join);
      }
      Optional<Object> v = s.values().get(c.species());
      if (v == null) {
        throw new AssertionError("join reads undeclared species " + c.species());
      }
      if (c.absent()) {
        if (v.isPresent()) {
          return Optional.empty();
        }
      } else {
        if (v.isEmpty() || b.patterns().size() != 1 || !matches(pattern(b), v.get(), env)) {
          return Optional.empty();
        }
      }
    }
    TreeMap<String, Optional<Object>> next = new TreeMap<>(s.values());
    Set<String> written = new HashSet<>();
    List<Proc> body = join.body() instanceof Proc.Par p ? p.parts() : List.of(join.body());
    for (Proc part : body) {
      if (!(part instanceof Proc.Send send) || send.args().size() != 1) {
        throw new IllegalArgumentException("unexpected body part " + part);
      }
      Channel c = channel(send.channel());
      if (!written.add(c.species())) {
        throw new AssertionError("a join writes species " + c.species() + " twice: " + join);
      }
      next.put(
          c.species(), c.absent() ? Optional.empty() : Optional.of(eval(send.args().get(0), env)));
    }
    if (!written.equals(read)) {
      throw new AssertionError("a join must write back exactly what it reads: " + join);
    }
    return Optional.of(new State(next));
  }

  private static Proc pattern(Bind b) {
    if (b.patterns().get(0) instanceof Name.Quote q) {
      return q.proc();
    }
    throw new IllegalArgumentException("unexpected pattern " + b);
  }

  private static boolean matches(Proc pattern, Object value, Map<String, Object> env) {
    return switch (pattern) {
      case Proc.Wildcard w -> true;
      case Proc.BoolLit b -> value.equals(b.value());
      case Proc.IntLit i -> value.equals(i.value());
      case Proc.Var v -> {
        env.put(v.name(), value);
        yield true;
      }
      case Proc.Binary b when b.op() == BinaryOp.CONJ ->
          matches(b.left(), value, env) && matches(b.right(), value, env);
      case Proc.Unary u when u.op() == UnaryOp.PATTERN_NOT -> !matches(u.operand(), value, env);
      default -> throw new IllegalArgumentException("unexpected pattern " + pattern);
    };
  }

  private static Object eval(Proc p, Map<String, Object> env) {
    return switch (p) {
      case Proc.BoolLit b -> b.value();
      case Proc.IntLit i -> i.value();
      case Proc.Nil n -> n;
      case Proc.Var v -> env.get(v.name());
      case Proc.Binary b when b.op() == BinaryOp.ADD ->
          (Long) eval(b.left(), env) + (Long) eval(b.right(), env);
      case Proc.Binary b when b.op() == BinaryOp.SUB ->
          (Long) eval(b.left(), env) - (Long) eval(b.right(), env);
      default -> throw new IllegalArgumentException("unexpected expression " + p);
    };
  }

  /** A readable state: present species with their values, e.g. {@code {A=true, B=2}}. */
  static Map<String, Object> presentOnly(State s) {
    Map<String, Object> out = new LinkedHashMap<>();
    s.values().forEach((k, v) -> v.ifPresent(x -> out.put(k, x)));
    return out;
  }
}
