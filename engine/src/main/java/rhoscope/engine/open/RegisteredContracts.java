package rhoscope.engine.open;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rhoscope.engine.reduce.SystemProcesses;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.Source;

/**
 * The contracts a program publishes through the registry: a contract (or persistent receive) on a
 * private name {@code x} whose {@code *x} (bare or bundled) the program inserts with {@code
 * insertArbitrary!(*x, ret)} or {@code insertSigned!((nonce, *x), deployerId, ret)}, both found at
 * top level as {@link PublicContracts} finds contracts. A real client learns the URI from the
 * deployer and looks it up; rhoscope's registry counts its insertions, so a URI depends on their
 * order, and the client finds the contract instead in the registry's directory under its
 * identifier ({@link SystemProcesses#DIRECTORY}), once it is registered.
 */
public final class RegisteredContracts {
  private RegisteredContracts() {}

  /** A private name's declaration; two scopes that reuse an identifier declare two names. */
  private record Declared(String ident, int id) {}

  /** What a variable in scope stands for: a system URI or a private name. */
  private record Scope(Map<String, String> uris, Map<String, Declared> privates) {}

  /**
   * A contract on a private name {@code x}, or on {@code @(*x, "method")} (RChain's RevVault
   * style), as it was found; {@code method} is empty for the first.
   */
  private record Offered(Declared name, Optional<String> method, List<Name> formals, Proc body) {}

  public static List<Callable> of(Proc program) {
    Set<Declared> registered = new HashSet<>();
    List<Offered> offered = new ArrayList<>();
    collect(program, new Scope(Map.of(), Map.of()), new int[1], registered, offered);
    List<Callable> out = new ArrayList<>();
    for (Offered o : offered) {
      if (registered.contains(o.name())) {
        String ident = o.name().ident();
        String label = o.method().map(m -> ident + " \"" + m + "\"").orElse(ident);
        String channel = o.method()
            .map(m -> "@(" + Callable.REGISTERED + ", \"" + escape(m) + "\")")
            .orElse("@" + Callable.REGISTERED);
        out.add(new Callable(label + " (registry)", channel, o.formals(), o.body(),
            Optional.of("@(`" + SystemProcesses.DIRECTORY + "`, \"" + escape(ident) + "\")")));
      }
    }
    return List.copyOf(out);
  }

  private static void collect(Proc p, Scope scope, int[] ids, Set<Declared> registered,
      List<Offered> offered) {
    switch (p) {
      case Proc.Par par -> par.parts().forEach(q -> collect(q, scope, ids, registered, offered));
      case Proc.New n -> {
        Map<String, String> uris = new HashMap<>(scope.uris());
        Map<String, Declared> privates = new HashMap<>(scope.privates());
        for (NameDecl d : n.decls()) {
          if (d.uri().isPresent()) {
            uris.put(d.var(), d.uri().get());
            privates.remove(d.var());
          } else {
            privates.put(d.var(), new Declared(d.var(), ids[0]++));
            uris.remove(d.var());
          }
        }
        collect(n.body(), new Scope(uris, privates), ids, registered, offered);
      }
      case Proc.Bundle b -> collect(b.body(), scope, ids, registered, offered);
      case Proc.Send s -> inserted(s, scope).ifPresent(registered::add);
      case Proc.Contract c -> offered(c.name(), scope, c.formals(), c.body())
          .ifPresent(offered::add);
      case Proc.Input in when in.kind() == ReceiptKind.PERSISTENT && in.binds().size() == 1
          && in.binds().get(0).source() instanceof Source.Simple s -> {
        Bind b = in.binds().get(0);
        offered(s.channel(), scope, b.patterns(), in.body()).ifPresent(offered::add);
      }
      default -> {
        // anything else at top level neither registers nor offers a contract from the start
      }
    }
  }

  /** The private name {@code s} registers, when it is an insertion into the registry. */
  private static Optional<Declared> inserted(Proc.Send s, Scope scope) {
    Optional<String> uri = switch (s.channel()) {
      case Name.NameVar v -> Optional.ofNullable(scope.uris().get(v.name()));
      case Name.Quote q when q.proc() instanceof Proc.UriLit u -> Optional.of(u.value());
      case Name.Quote q -> Optional.empty();
      case Name.NameWildcard w -> Optional.empty();
    };
    if (uri.isEmpty() || s.args().isEmpty()) {
      return Optional.empty();
    }
    Proc value = s.args().get(0);
    if (uri.get().equals(SystemProcesses.INSERT_ARBITRARY)) {
      return valueName(value, scope);
    }
    if (uri.get().equals(SystemProcesses.INSERT_SIGNED)
        && value instanceof Proc.TupleLit t && t.elements().size() == 2) {
      return valueName(t.elements().get(1), scope);
    }
    return Optional.empty();
  }

  /** The private name a value {@code *x} or {@code bundle{*x}} is. */
  private static Optional<Declared> valueName(Proc value, Scope scope) {
    return switch (value) {
      case Proc.Bundle b -> valueName(b.body(), scope);
      case Proc.Eval e -> declared(e.name(), scope);
      default -> Optional.empty();
    };
  }

  /** A contract on {@code x} or on {@code @(*x, "method")}, x a private name in scope. */
  private static Optional<Offered> offered(Name channel, Scope scope, List<Name> formals,
      Proc body) {
    if (channel instanceof Name.Quote q && q.proc() instanceof Proc.TupleLit t
        && t.elements().size() == 2 && t.elements().get(0) instanceof Proc.Eval e
        && t.elements().get(1) instanceof Proc.StringLit m) {
      return declared(e.name(), scope)
          .map(d -> new Offered(d, Optional.of(m.value()), formals, body));
    }
    return declared(channel, scope).map(d -> new Offered(d, Optional.empty(), formals, body));
  }

  private static Optional<Declared> declared(Name n, Scope scope) {
    return n instanceof Name.NameVar v
        ? Optional.ofNullable(scope.privates().get(v.name())) : Optional.empty();
  }

  private static String escape(String ident) {
    return ident.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
