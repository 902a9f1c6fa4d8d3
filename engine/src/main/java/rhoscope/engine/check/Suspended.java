package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.type.Type;

/**
 * Types of suspended processes: a receive's continuation, a payload, the process a name quotes.
 * Such a process is not running, so it takes no step: {@code <n>T} is false there, {@code [n]T}
 * true, {@code race(n)} false, and a fixpoint is decided on that single inert state. Its threads
 * are its parallel components (under any {@code new}); a component that is no send, receive,
 * contract or dereference (a literal, an expression) still counts as a thread that only
 * {@code true} describes.
 */
final class Suspended {
  private Suspended() {}

  static boolean holds(Type type, Proc process) {
    return holds(type, process, new HashMap<>());
  }

  private static boolean holds(Type type, Proc process, Map<String, Boolean> env) {
    return switch (type) {
      case Type.True t -> true;
      case Type.False f -> false;
      case Type.Not n -> !holds(n.operand(), process, env);
      case Type.And a -> holds(a.left(), process, env) && holds(a.right(), process, env);
      case Type.Or o -> holds(o.left(), process, env) || holds(o.right(), process, env);
      case Type.Diamond d -> false;
      case Type.Box b -> true;
      case Type.Race r -> false;
      case Type.Var v -> {
        Boolean value = env.get(v.name());
        if (value == null) {
          throw new IllegalArgumentException("unbound type variable " + v.name());
        }
        yield value;
      }
      case Type.Mu m -> fixpoint(m.variable(), m.body(), false, process, env);
      case Type.Nu n -> fixpoint(n.variable(), n.body(), true, process, env);
      case Type.Sugared s -> holds(s.core(), process, env);
      case Type.Nil n -> structure(n, process);
      case Type.Par p -> structure(p, process);
      case Type.Atom a -> structure(a, process);
      case Type.Sugar s -> throw Support.notCore(s);
    };
  }

  private static boolean structure(Type type, Proc process) {
    return Spatial.decide(type, threads(process), Suspended::matches, false);
  }

  /** On one state a monotone body reaches its fixpoint within two rounds. */
  private static boolean fixpoint(
      String x, Type body, boolean start, Proc process, Map<String, Boolean> env) {
    Map<String, Boolean> inner = new HashMap<>(env);
    boolean value = start;
    while (true) {
      inner.put(x, value);
      boolean next = holds(body, process, inner);
      if (next == value) {
        return value;
      }
      value = next;
    }
  }

  static List<Proc> threads(Proc process) {
    List<Proc> out = new ArrayList<>();
    flatten(process, out);
    return out;
  }

  private static void flatten(Proc process, List<Proc> out) {
    switch (process) {
      case Proc.Nil n -> {}
      case Proc.Par p -> p.parts().forEach(part -> flatten(part, out));
      case Proc.New n -> flatten(n.body(), out);
      default -> out.add(process);
    }
  }

  /** Whether one component of a suspended process has a one-thread type. */
  static boolean matches(Type.Atom atom, Proc thread) {
    return switch (atom) {
      case Type.Send s ->
          thread instanceof Proc.Send send
              && Names.matches(s.channel(), send.channel())
              && Payloads.matches(s.args(), s.open(), send.args());
      case Type.Receive r -> switch (thread) {
        case Proc.Input in ->
            in.kind() != ReceiptKind.PERSISTENT
                && listens(r, in.binds())
                && holds(r.body(), in.body());
        case Proc.Select sel ->
            sel.branches().stream().anyMatch(b -> listens(r, b.binds()) && holds(r.body(), b.body()));
        default -> false;
      };
      case Type.Contract c -> switch (thread) {
        case Proc.Contract k -> Names.matches(c.channel(), k.name());
        case Proc.Input in ->
            in.kind() == ReceiptKind.PERSISTENT
                && in.binds().stream().anyMatch(b -> Names.matches(c.channel(), b.source().channel()));
        default -> false;
      };
      case Type.Eval e -> thread instanceof Proc.Eval ev && Names.matches(e.name(), ev.name());
    };
  }

  private static boolean listens(Type.Receive r, List<Bind> binds) {
    return binds.stream().anyMatch(b -> Names.matches(r.channel(), b.source().channel()));
  }

  /** The continuations of a receive thread, for matching {@code for(n){T}} on a state. */
  static List<Proc> continuations(Proc receive) {
    return switch (receive) {
      case Proc.Input in -> List.of(in.body());
      case Proc.Select sel -> sel.branches().stream().map(Branch::body).toList();
      case Proc.New n -> continuations(n.body());
      default -> List.of();
    };
  }
}
