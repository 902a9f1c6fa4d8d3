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
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.Case;
import rhoscope.lang.ast.process.Decl;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.Source;

/**
 * The contracts a program may publish through the registry, wherever in the program they and
 * their registration are: a contract (or persistent receive) on a private name {@code x}, or on
 * {@code @(*x, "method")} (RChain's RevVault style), in a program that inserts into the registry
 * ({@code insertArbitrary} or {@code insertSigned}) and sends {@code *x} away as a value (bare,
 * bundled, or inside a tuple or list). That catches a registration made only after lookups
 * inside a receive, or of a name that reaches the insertion through another contract (RevVault
 * and MakeMint send {@code *RevVault} to the system contract manager and register the
 * dispatcher it answers), which no static reading of the insertion's argument could link.
 *
 * <p>The static reading only proposes; the run decides. The registry publishes each inserted
 * name {@code *x} in its directory ({@link SystemProcesses#DIRECTORY}, by identifier), and the
 * client calls such a contract only in a state where the directory holds its name (see {@link
 * Callable#candidate}), so a contract is called exactly when it has become reachable during the
 * run, and a proposed name that is never registered costs no call and no state.
 */
public final class RegisteredContracts {
  private RegisteredContracts() {}

  /** A private name's declaration; two scopes that reuse an identifier declare two names. */
  private record Declared(String ident, int id) {}

  /**
   * A contract on a private name {@code x}, or on {@code @(*x, "method")}, as it was found;
   * {@code method} is empty for the first.
   */
  private record Offered(Declared name, Optional<String> method, List<Name> formals, Proc body) {}

  /** What the walk found: names sent away as values, contracts, and registry insertions. */
  private static final class Found {
    final Set<Declared> exported = new HashSet<>();
    final List<Offered> offered = new ArrayList<>();
    boolean inserts;
    int ids;
  }

  public static List<Callable> of(Proc program) {
    Found found = new Found();
    walk(program, Map.of(), found);
    List<Callable> out = new ArrayList<>();
    if (!found.inserts) {
      return out;
    }
    for (Offered o : found.offered) {
      if (found.exported.contains(o.name())) {
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

  /** {@code privates}: the private names in scope, by variable. */
  private static void walk(Proc p, Map<String, Declared> privates, Found found) {
    switch (p) {
      case Proc.New n -> {
        Map<String, Declared> inner = new HashMap<>(privates);
        for (NameDecl d : n.decls()) {
          if (d.uri().isPresent()) {
            found.inserts |= isInsertion(d.uri().get());
            inner.remove(d.var());
          } else {
            inner.put(d.var(), new Declared(d.var(), found.ids++));
          }
        }
        walk(n.body(), inner, found);
      }
      case Proc.UriLit u -> found.inserts |= isInsertion(u.value());
      case Proc.Send s -> {
        s.args().forEach(a -> exported(a, privates, found));
        ProcWalk.children(s).forEach(c -> walk(c, privates, found));
      }
      case Proc.SendSync s -> {
        s.args().forEach(a -> exported(a, privates, found));
        ProcWalk.children(s).forEach(c -> walk(c, privates, found));
      }
      case Proc.Contract c -> {
        offered(c.name(), privates, c.formals(), c.body()).ifPresent(found.offered::add);
        walk(c.body(), without(privates, bound(c.formals(), c.remainder())), found);
      }
      case Proc.Input in -> {
        if (in.kind() == ReceiptKind.PERSISTENT && in.binds().size() == 1
            && in.binds().get(0).source() instanceof Source.Simple s) {
          offered(s.channel(), privates, in.binds().get(0).patterns(), in.body())
              .ifPresent(found.offered::add);
        }
        walk(in.body(), without(privates, boundBy(in.binds())), found);
      }
      case Proc.Select s -> {
        for (Branch b : s.branches()) {
          walk(b.body(), without(privates, boundBy(b.binds())), found);
        }
      }
      case Proc.Match m -> {
        walk(m.target(), privates, found);
        for (Case c : m.cases()) {
          walk(c.body(), without(privates, variables(c.pattern())), found);
        }
      }
      case Proc.Let l -> {
        Set<String> names = new HashSet<>();
        for (Decl d : l.decls()) {
          d.values().forEach(v -> walk(v, privates, found));
          names.addAll(bound(d.names(), d.remainder()));
        }
        walk(l.body(), without(privates, names), found);
      }
      default -> ProcWalk.children(p).forEach(c -> walk(c, privates, found));
    }
  }

  private static boolean isInsertion(String uri) {
    return uri.equals(SystemProcesses.INSERT_ARBITRARY)
        || uri.equals(SystemProcesses.INSERT_SIGNED);
  }

  /** The private names a sent value {@code *x} carries: bare, bundled, in a tuple or a list. */
  private static void exported(Proc value, Map<String, Declared> privates, Found found) {
    switch (value) {
      case Proc.Eval e -> declared(e.name(), privates).ifPresent(found.exported::add);
      case Proc.Bundle b -> exported(b.body(), privates, found);
      case Proc.TupleLit t -> t.elements().forEach(v -> exported(v, privates, found));
      case Proc.ListLit l -> l.elements().forEach(v -> exported(v, privates, found));
      default -> {
        // any other value names no private name a caller could be handed
      }
    }
  }

  /** A contract on {@code x} or on {@code @(*x, "method")}, x a private name in scope. */
  private static Optional<Offered> offered(Name channel, Map<String, Declared> privates,
      List<Name> formals, Proc body) {
    if (channel instanceof Name.Quote q && q.proc() instanceof Proc.TupleLit t
        && t.elements().size() == 2 && t.elements().get(0) instanceof Proc.Eval e
        && t.elements().get(1) instanceof Proc.StringLit m) {
      return declared(e.name(), privates)
          .map(d -> new Offered(d, Optional.of(m.value()), formals, body));
    }
    return declared(channel, privates).map(d -> new Offered(d, Optional.empty(), formals, body));
  }

  private static Optional<Declared> declared(Name n, Map<String, Declared> privates) {
    return n instanceof Name.NameVar v
        ? Optional.ofNullable(privates.get(v.name())) : Optional.empty();
  }

  private static Set<String> boundBy(List<Bind> binds) {
    Set<String> out = new HashSet<>();
    for (Bind b : binds) {
      out.addAll(bound(b.patterns(), b.remainder()));
    }
    return out;
  }

  /** The variables patterns bind: name variables and the process variables inside quotes. */
  private static Set<String> bound(List<Name> patterns, Optional<Proc> remainder) {
    Set<String> out = new HashSet<>();
    for (Name n : patterns) {
      switch (n) {
        case Name.NameVar v -> out.add(v.name());
        case Name.Quote q -> out.addAll(variables(q.proc()));
        case Name.NameWildcard w -> { }
      }
    }
    remainder.ifPresent(r -> out.addAll(variables(r)));
    return out;
  }

  private static Set<String> variables(Proc pattern) {
    Set<String> out = new HashSet<>();
    ProcWalk.each(pattern, p -> {
      if (p instanceof Proc.Var v) {
        out.add(v.name());
      }
    });
    return out;
  }

  private static Map<String, Declared> without(Map<String, Declared> privates, Set<String> names) {
    if (names.stream().noneMatch(privates::containsKey)) {
      return privates;
    }
    Map<String, Declared> out = new HashMap<>(privates);
    names.forEach(out::remove);
    return out;
  }

  private static String escape(String ident) {
    return ident.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
