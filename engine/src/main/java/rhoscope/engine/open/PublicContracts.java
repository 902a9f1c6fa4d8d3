package rhoscope.engine.open;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.Source;
import rhoscope.lang.print.ProcessPrinter;

/**
 * The contracts a program offers on public names from its start: {@code contract} and
 * {@code for (... <= x)} on {@code @"string"}, on {@code `rho:...`} or on a name declared
 * {@code new x(`rho:...`)}, found at top level (through {@code |}, {@code new} and bundles).
 * A contract defined only after some communication is not offered: a call to it could wait for
 * a contract that never appears, which is the program's set-up, not a caller's doing.
 */
public final class PublicContracts {
  private PublicContracts() {}

  public static List<Callable> of(Proc program) {
    List<Callable> out = new ArrayList<>();
    collect(program, new HashMap<>(), out);
    return List.copyOf(out);
  }

  /** {@code uris}: the names in scope declared with a URI, by variable. */
  private static void collect(Proc p, Map<String, String> uris, List<Callable> out) {
    switch (p) {
      case Proc.Par par -> par.parts().forEach(part -> collect(part, uris, out));
      case Proc.New n -> {
        Map<String, String> inner = new HashMap<>(uris);
        for (NameDecl d : n.decls()) {
          if (d.uri().isPresent()) {
            inner.put(d.var(), d.uri().get());
          } else {
            inner.remove(d.var());
          }
        }
        collect(n.body(), inner, out);
      }
      case Proc.Bundle b -> collect(b.body(), uris, out);
      case Proc.Contract c -> label(c.name(), uris)
          .ifPresent(l -> out.add(new Callable(l, channel(c.name(), uris), c.formals(), c.body())));
      case Proc.Input in when in.kind() == ReceiptKind.PERSISTENT && in.binds().size() == 1
          && in.binds().get(0).source() instanceof Source.Simple s -> {
        Bind b = in.binds().get(0);
        label(s.channel(), uris).ifPresent(
            l -> out.add(new Callable(l, channel(s.channel(), uris), b.patterns(), in.body())));
      }
      default -> {
        // anything else at top level runs before a caller could call it: nothing to offer
      }
    }
  }

  private static Optional<String> label(Name n, Map<String, String> uris) {
    return switch (n) {
      case Name.Quote q when q.proc() instanceof Proc.StringLit s -> Optional.of(s.value());
      case Name.Quote q when q.proc() instanceof Proc.UriLit u -> Optional.of(u.value());
      case Name.NameVar v -> Optional.ofNullable(uris.get(v.name()));
      case Name.Quote q -> Optional.empty();
      case Name.NameWildcard w -> Optional.empty();
    };
  }

  /** The channel as the client writes it: {@code @"x"} or {@code @`rho:...`}. */
  private static String channel(Name n, Map<String, String> uris) {
    return switch (n) {
      case Name.NameVar v -> ProcessPrinter.print(new Name.Quote(new Proc.UriLit(uris.get(v.name()))));
      case Name.Quote q -> ProcessPrinter.print(q);
      case Name.NameWildcard w -> throw new IllegalStateException("'_' is not a public name");
    };
  }
}
