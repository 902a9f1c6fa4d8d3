package rhoscope.lang.ast.type;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The children of each constructor, written once: the one place besides the record itself that
 * knows where a constructor keeps its subformulas and name patterns (Trino's
 * {@code DefaultTraversalVisitor}). The generic passes ({@link TypeExpander#freeVariables},
 * substitution, normalisation, name collection) are written against {@link Type#children()}.
 */
final class Traversal {
  private Traversal() {}

  static List<Type> operands(Type type) {
    return switch (type) {
      case Type.Nil n -> List.of();
      case Type.True t -> List.of();
      case Type.False f -> List.of();
      case Type.Var v -> List.of();
      case Type.Deadlock d -> List.of();
      case Type.Terminated t -> List.of();
      case Type.Send s -> List.of();
      case Type.Receive r -> List.of();
      case Type.Contract c -> List.of();
      case Type.Eval e -> List.of();
      case Type.Race r -> List.of();
      case Type.Call c -> List.of();
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
      case Type.Sugared s -> List.of(s.core());
    };
  }

  static List<NamePattern> names(Type type) {
    return switch (type) {
      case Type.Send s -> List.of(s.channel());
      case Type.Receive r -> List.of(r.channel());
      case Type.Contract c -> List.of(c.channel());
      case Type.Eval e -> List.of(e.name());
      case Type.Race r -> List.of(r.channel());
      case Type.Diamond d -> d.label().stream().toList();
      case Type.Box b -> b.label().stream().toList();
      case Type.Call c -> c.args();
      case Type.Nil n -> List.of();
      case Type.True t -> List.of();
      case Type.False f -> List.of();
      case Type.Var v -> List.of();
      case Type.Deadlock d -> List.of();
      case Type.Terminated t -> List.of();
      case Type.Par p -> List.of();
      case Type.And a -> List.of();
      case Type.Or o -> List.of();
      case Type.Implies i -> List.of();
      case Type.Not n -> List.of();
      case Type.Contains c -> List.of();
      case Type.Eventually e -> List.of();
      case Type.Always a -> List.of();
      case Type.Inevitably i -> List.of();
      case Type.Mu m -> List.of();
      case Type.Nu n -> List.of();
      case Type.Sugared s -> List.of();
    };
  }

  /** Quoted types of the names, then typed payloads, then a receive's continuation. */
  static List<Type> suspended(Type type) {
    List<Type> out = new ArrayList<>();
    for (NamePattern n : names(type)) {
      if (n instanceof NamePattern.QuoteName q) {
        out.add(q.type());
      }
    }
    if (type instanceof Type.Send s) {
      for (PayloadPattern p : s.args()) {
        if (p instanceof PayloadPattern.Typed t) {
          out.add(t.type());
        }
      }
    }
    if (type instanceof Type.Receive r) {
      out.add(r.body());
    }
    return List.copyOf(out);
  }

  static Type withChildren(Type type, List<Type> children) {
    if (unchanged(type, type.children(), children, "children")) {
      return type;
    }
    Iterator<Type> next = children.iterator();
    return switch (type) {
      case Type.Nil n -> n;
      case Type.True t -> t;
      case Type.False f -> f;
      case Type.Var v -> v;
      case Type.Deadlock d -> d;
      case Type.Terminated t -> t;
      case Type.Par p -> new Type.Par(next.next(), next.next());
      case Type.And a -> new Type.And(next.next(), next.next());
      case Type.Or o -> new Type.Or(next.next(), next.next());
      case Type.Implies i -> new Type.Implies(next.next(), next.next());
      case Type.Not n -> new Type.Not(next.next());
      case Type.Contains c -> new Type.Contains(next.next());
      case Type.Eventually e -> new Type.Eventually(next.next());
      case Type.Always a -> new Type.Always(next.next());
      case Type.Inevitably i -> new Type.Inevitably(next.next());
      case Type.Mu m -> new Type.Mu(m.variable(), next.next());
      case Type.Nu n -> new Type.Nu(n.variable(), next.next());
      // The operand comes first in children(), the label's quoted type after it.
      case Type.Diamond d -> {
        Type body = next.next();
        yield new Type.Diamond(label(d.label(), next), body);
      }
      case Type.Box b -> {
        Type body = next.next();
        yield new Type.Box(label(b.label(), next), body);
      }
      case Type.Send s -> {
        NamePattern channel = name(s.channel(), next);
        List<PayloadPattern> args = new ArrayList<>();
        for (PayloadPattern p : s.args()) {
          args.add(p instanceof PayloadPattern.Typed ? new PayloadPattern.Typed(next.next()) : p);
        }
        yield new Type.Send(channel, args, s.open());
      }
      case Type.Receive r -> {
        NamePattern channel = name(r.channel(), next);
        yield new Type.Receive(channel, next.next());
      }
      case Type.Contract c -> new Type.Contract(name(c.channel(), next));
      case Type.Eval e -> new Type.Eval(name(e.name(), next));
      case Type.Race r -> new Type.Race(name(r.channel(), next), r.takes());
      case Type.Call c -> new Type.Call(c.name(), c.args().stream().map(a -> name(a, next)).toList());
      case Type.Sugared s -> {
        Type core = next.next();
        yield core.equals(s.core())
            ? new Type.Sugared(s.sugar(), core)
            : TypeExpander.retag(s.sugar(), core);
      }
    };
  }

  static Type withNames(Type type, List<NamePattern> names) {
    if (unchanged(type, names(type), names, "name patterns")) {
      return type;
    }
    NamePattern first = names.isEmpty() ? null : names.get(0);
    return switch (type) {
      case Type.Send s -> new Type.Send(first, s.args(), s.open());
      case Type.Receive r -> new Type.Receive(first, r.body());
      case Type.Contract c -> new Type.Contract(first);
      case Type.Eval e -> new Type.Eval(first);
      case Type.Race r -> new Type.Race(first, r.takes());
      case Type.Diamond d -> new Type.Diamond(Optional.of(first), d.body());
      case Type.Box b -> new Type.Box(Optional.of(first), b.body());
      case Type.Call c -> new Type.Call(c.name(), names);
      // No name patterns: unchanged(...) above already returned the node itself.
      case Type.Nil n -> n;
      case Type.True t -> t;
      case Type.False f -> f;
      case Type.Var v -> v;
      case Type.Deadlock d -> d;
      case Type.Terminated t -> t;
      case Type.Par p -> p;
      case Type.And a -> a;
      case Type.Or o -> o;
      case Type.Implies i -> i;
      case Type.Not n -> n;
      case Type.Contains c -> c;
      case Type.Eventually e -> e;
      case Type.Always a -> a;
      case Type.Inevitably i -> i;
      case Type.Mu m -> m;
      case Type.Nu n -> n;
      case Type.Sugared s -> s;
    };
  }

  static Optional<String> binder(Type type) {
    return switch (type) {
      case Type.Mu m -> Optional.of(m.variable());
      case Type.Nu n -> Optional.of(n.variable());
      case Type.Var v -> Optional.empty();
      case Type.Diamond d -> Optional.empty();
      case Type.Box b -> Optional.empty();
      case Type.Race r -> Optional.empty();
      case Type.Nil n -> Optional.empty();
      case Type.True t -> Optional.empty();
      case Type.False f -> Optional.empty();
      case Type.Par p -> Optional.empty();
      case Type.And a -> Optional.empty();
      case Type.Or o -> Optional.empty();
      case Type.Not n -> Optional.empty();
      case Type.Atom a -> Optional.empty();
      // Sugar binds through its expansion, never as written.
      case Type.Sugar s -> Optional.empty();
      case Type.Sugared s -> Optional.empty();
    };
  }

  static Type withBinder(Type type, String variable) {
    return switch (type) {
      case Type.Mu m -> new Type.Mu(variable, m.body());
      case Type.Nu n -> new Type.Nu(variable, n.body());
      case Type.Var v -> throw bindsNothing(v);
      case Type.Diamond d -> throw bindsNothing(d);
      case Type.Box b -> throw bindsNothing(b);
      case Type.Race r -> throw bindsNothing(r);
      case Type.Nil n -> throw bindsNothing(n);
      case Type.True t -> throw bindsNothing(t);
      case Type.False f -> throw bindsNothing(f);
      case Type.Par p -> throw bindsNothing(p);
      case Type.And a -> throw bindsNothing(a);
      case Type.Or o -> throw bindsNothing(o);
      case Type.Not n -> throw bindsNothing(n);
      case Type.Atom a -> throw bindsNothing(a);
      case Type.Sugar s -> throw bindsNothing(s);
      case Type.Sugared s -> throw bindsNothing(s);
    };
  }

  /**
   * Whether {@code given} holds the very objects {@code type} already has, so that a rebuild can
   * keep {@code type} itself; a list of another length is a caller's error.
   */
  private static <T> boolean unchanged(Type type, List<T> old, List<T> given, String what) {
    if (given.size() != old.size()) {
      throw new IllegalArgumentException(
          type.getClass().getSimpleName() + " has " + old.size() + " " + what + ", given "
              + given.size());
    }
    return sameObjects(old, given);
  }

  private static IllegalArgumentException bindsNothing(Type type) {
    return new IllegalArgumentException("binds no variable: " + type.getClass().getSimpleName());
  }

  private static Optional<NamePattern> label(Optional<NamePattern> label, Iterator<Type> next) {
    return label.map(n -> name(n, next));
  }

  private static NamePattern name(NamePattern name, Iterator<Type> next) {
    return name instanceof NamePattern.QuoteName ? new NamePattern.QuoteName(next.next()) : name;
  }

  private static boolean sameObjects(List<?> a, List<?> b) {
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
