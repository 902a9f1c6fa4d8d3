package rhoscope.engine.check;

import rhoscope.engine.ChannelView;
import rhoscope.engine.ReceiveKind;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.ThreadView;
import rhoscope.lang.ast.type.Type;

/** One-thread types on the threads of a state, and spatial types on whole states. */
final class StateAtoms {
  private StateAtoms() {}

  /** Whether the state's thread multiset has the spatial type {@code type}. */
  static boolean holds(Type type, StateView state) {
    // Thread views are interned by the program (a thread present k times is one object k
    // times), so grouping by identity never hashes a process AST and still counts copies.
    return Spatial.decide(type, state.threads(), StateAtoms::matches, true);
  }

  static boolean matches(Type.Atom atom, ThreadView thread) {
    return switch (atom) {
      // A single and a persistent send are both a message on the channel.
      case Type.Send s ->
          thread instanceof SendView send
              && Names.matches(s.channel(), send.channel())
              && Payloads.matches(s.args(), s.open(), send.payload());
      case Type.Receive r ->
          thread instanceof ReceiveView receive
              && receive.kind() != ReceiveKind.PERSISTENT
              && listensOn(receive, r)
              && Suspended.continuations(receive.proc()).stream()
                  .anyMatch(body -> Suspended.holds(r.body(), body));
      case Type.Contract c ->
          thread instanceof ReceiveView receive
              && receive.kind() == ReceiveKind.PERSISTENT
              && receive.channels().stream().anyMatch(ch -> Names.matches(c.channel(), ch));
      // A state's threads are sends and receives: a dereference has already run.
      case Type.Eval e -> false;
    };
  }

  private static boolean listensOn(ReceiveView receive, Type.Receive type) {
    for (ChannelView ch : receive.channels()) {
      if (Names.matches(type.channel(), ch)) {
        return true;
      }
    }
    return false;
  }
}
