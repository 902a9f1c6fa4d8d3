package rhoscope.engine.check;

import java.util.List;
import java.util.Optional;
import rhoscope.engine.open.MostGeneralClient;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;

/**
 * {@code deadlock} and {@code terminated} of an open program: the waits that count are a
 * client's waits for the answer to its call (a receive on its {@code caller} channel), not the
 * library's own receives, which wait for calls or for its set-up (see
 * {@link MostGeneralClient}); and a state where a request to an unmodelled system name is
 * pending is no deadlock, since the chain may still answer it. Rewrites both where they occur,
 * their tags kept, so the plan is still checked on the fly where it was.
 */
final class OpenWaits {
  private OpenWaits() {}

  static Type rewrite(Type t) {
    if (t instanceof Type.Sugared s) {
      return switch (s.sugar()) {
        case Type.Deadlock d -> new Type.Sugared(d, new Type.And(noStep(), stuckCaller()));
        case Type.Terminated x ->
            new Type.Sugared(x, new Type.And(noStep(), new Type.Not(stuckCaller())));
        // The traversal keeps these tags over the rewritten operands.
        case Type.Eventually e -> rewriteChildren(s);
        case Type.Always a -> rewriteChildren(s);
        case Type.Inevitably i -> rewriteChildren(s);
        case Type.Contains c -> rewriteChildren(s);
        case Type.Implies i -> rewriteChildren(s);
        case Type.Call c -> throw new IllegalStateException("a call is inlined: " + c);
      };
    }
    return rewriteChildren(t);
  }

  private static Type rewriteChildren(Type t) {
    List<Type> children = t.children();
    if (children.isEmpty()) {
      return t;
    }
    List<Type> rewritten = children.stream().map(OpenWaits::rewrite).toList();
    return rewritten.equals(children) ? t : t.withChildren(rewritten);
  }

  /** A caller waits, and no request to the chain is pending (as Machine.waitsLinearly says). */
  private static Type stuckCaller() {
    return new Type.And(clientWaits(), new Type.Not(chainAsked()));
  }

  private static Type clientWaits() {
    return new Type.Par(
        new Type.Receive(new NamePattern.PrivateName(MostGeneralClient.RETURN), new Type.True()),
        new Type.True());
  }

  /** Some request to a system name only the chain could answer is pending. */
  private static Type chainAsked() {
    Type out = new Type.False();
    for (String uri : MostGeneralClient.chainAnswered()) {
      out = new Type.Or(out, new Type.Par(
          new Type.Send(new NamePattern.UriName(uri), List.of(), true), new Type.True()));
    }
    return out;
  }

  private static Type noStep() {
    return new Type.Box(Optional.empty(), new Type.False());
  }
}
