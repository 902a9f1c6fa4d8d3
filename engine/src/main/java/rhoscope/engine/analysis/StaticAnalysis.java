package rhoscope.engine.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.Case;
import rhoscope.lang.ast.process.Decl;
import rhoscope.lang.ast.process.KeyValue;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.Source;

/**
 * Static analysis of a process tree: channels and their use, free names and namespaces, the channel
 * dependency graph and its cycles, race candidates. It over-approximates what a run can do (every
 * branch of a match or if counts), which is what an index that prunes needs.
 */
public final class StaticAnalysis {

  /**
   * Methods that only move or inspect existing values; any other method may build a string that
   * names a channel nobody wrote literally.
   */
  private static final Set<String> NON_STRING_METHODS =
      Set.of(
          "length",
          "size",
          "contains",
          "nth",
          "get",
          "getOrElse",
          "keys",
          "toList",
          "toSet",
          "toMap",
          "add",
          "delete",
          "union",
          "diff",
          "set",
          "hexToBytes",
          "toByteArray",
          "toUtf8Bytes");

  private final Map<Channel, ChannelUse> uses = new HashMap<>();
  private final TreeSet<String> freeNames = new TreeSet<>();
  private final TreeSet<String> namespaces = new TreeSet<>();
  private final TreeSet<String> declared = new TreeSet<>();
  private final TreeSet<String> literals = new TreeSet<>();
  private final TreeSet<Dependency> dependencies = new TreeSet<>();
  private boolean computesStrings;
  private boolean hasLinearReceive;

  private StaticAnalysis() {}

  /** Analyses one process. */
  public static StaticFeatures of(Proc process) {
    StaticAnalysis a = new StaticAnalysis();
    a.walk(process, Map.of(), List.of(), false);
    return a.result();
  }

  private StaticFeatures result() {
    TreeMap<Channel, ChannelUse> channels = new TreeMap<>(uses);
    TreeSet<String> races = new TreeSet<>();
    channels.forEach(
        (c, u) -> {
          if (u.raceCandidate()) {
            races.add(c.label());
          }
        });
    return new StaticFeatures(
        channels,
        freeNames,
        namespaces,
        declared,
        literals,
        computesStrings,
        hasLinearReceive,
        dependencies,
        Cycles.of(dependencies),
        races);
  }

  /**
   * @param env what each bound identifier denotes
   * @param guards labels of the channels whose receives enclose this point
   * @param repeated whether this point can run many times (under a persistent receive)
   */
  private void walk(Proc p, Map<String, Channel> env, List<String> guards, boolean repeated) {
    switch (p) {
      case Proc.Nil n -> {}
      case Proc.BoolLit b -> {}
      case Proc.IntLit i -> {}
      case Proc.BigIntLit b -> {}
      case Proc.Wildcard w -> {}
      case Proc.SimpleType t -> {}
      case Proc.VarRef r -> {}
      case Proc.Var v -> {}
      case Proc.StringLit s -> literals.add(ChannelKind.PUBLIC.label(s.value()));
      case Proc.UriLit u -> literals.add(ChannelKind.URI.label(u.value()));
      case Proc.Par par -> par.parts().forEach(q -> walk(q, env, guards, repeated));
      case Proc.New n -> {
        Map<String, Channel> inner = new HashMap<>(env);
        for (NameDecl d : n.decls()) {
          inner.put(d.var(), declare(d));
        }
        walk(n.body(), inner, guards, repeated);
      }
      case Proc.Send s -> {
        boolean persistent = s.kind() == SendKind.PERSISTENT;
        send(channel(s.channel(), env), persistent, repeated || persistent, guards);
        s.args().forEach(a -> walk(a, env, guards, repeated));
      }
      case Proc.SendSync s -> {
        send(channel(s.channel(), env), false, repeated, guards);
        hasLinearReceive = true;
        s.args().forEach(a -> walk(a, env, guards, repeated));
        s.continuation().ifPresent(c -> walk(c, env, guards, repeated));
      }
      case Proc.Input in -> receive(in.kind(), in.binds(), in.body(), env, guards, repeated);
      case Proc.Select sel -> {
        for (Branch b : sel.branches()) {
          receive(ReceiptKind.LINEAR, b.binds(), b.body(), env, guards, repeated);
        }
      }
      case Proc.Contract c -> {
        Channel ch = channel(c.name(), env);
        use(ch, new ChannelUse(0, 0, 0, 1, 0, false, false));
        Map<String, Channel> inner = new HashMap<>(env);
        c.formals().forEach(f -> bindName(f, inner));
        c.remainder().ifPresent(r -> bindPattern(r, inner));
        walk(c.body(), inner, append(guards, ch.label()), true);
      }
      case Proc.Match m -> {
        walk(m.target(), env, guards, repeated);
        for (Case c : m.cases()) {
          Map<String, Channel> inner = new HashMap<>(env);
          bindPattern(c.pattern(), inner);
          walk(c.body(), inner, guards, repeated);
        }
      }
      case Proc.If i -> {
        walk(i.condition(), env, guards, repeated);
        walk(i.then(), env, guards, repeated);
        i.otherwise().ifPresent(o -> walk(o, env, guards, repeated));
      }
      case Proc.Let l -> {
        // A let is sugar for sends on fresh channels and linear receives of them.
        hasLinearReceive = true;
        Map<String, Channel> inner = new HashMap<>(env);
        for (Decl d : l.decls()) {
          d.values().forEach(v -> walk(v, inner, guards, repeated));
          d.names().forEach(n -> bindName(n, inner));
          d.remainder().ifPresent(r -> bindPattern(r, inner));
        }
        walk(l.body(), inner, guards, repeated);
      }
      case Proc.Bundle b -> walk(b.body(), env, guards, repeated);
      case Proc.Eval e -> channel(e.name(), env);
      case Proc.ListLit l -> {
        l.elements().forEach(q -> walk(q, env, guards, repeated));
        l.remainder().ifPresent(q -> walk(q, env, guards, repeated));
      }
      case Proc.TupleLit t -> t.elements().forEach(q -> walk(q, env, guards, repeated));
      case Proc.SetLit s -> {
        s.elements().forEach(q -> walk(q, env, guards, repeated));
        s.remainder().ifPresent(q -> walk(q, env, guards, repeated));
      }
      case Proc.MapLit m -> {
        for (KeyValue kv : m.entries()) {
          walk(kv.key(), env, guards, repeated);
          walk(kv.value(), env, guards, repeated);
        }
        m.remainder().ifPresent(q -> walk(q, env, guards, repeated));
      }
      case Proc.Unary u -> walk(u.operand(), env, guards, repeated);
      case Proc.Binary b -> {
        switch (b.op()) {
          case CONCAT, INTERPOLATE -> computesStrings = true;
          default -> {}
        }
        walk(b.left(), env, guards, repeated);
        walk(b.right(), env, guards, repeated);
      }
      case Proc.Method m -> {
        if (!NON_STRING_METHODS.contains(m.method())) {
          computesStrings = true;
        }
        walk(m.receiver(), env, guards, repeated);
        m.args().forEach(a -> walk(a, env, guards, repeated));
      }
    }
  }

  private void receive(
      ReceiptKind kind,
      List<Bind> binds,
      Proc body,
      Map<String, Channel> env,
      List<String> guards,
      boolean repeated) {
    if (kind != ReceiptKind.PERSISTENT) {
      hasLinearReceive = true;
    }
    Map<String, Channel> inner = new HashMap<>(env);
    List<String> innerGuards = new ArrayList<>(guards);
    for (Bind b : binds) {
      Channel ch = channel(b.source().channel(), env);
      if (b.source() instanceof Source.SendReceive sr) {
        // x!?(args) sends on x, then waits for the answer on a fresh channel.
        send(ch, false, repeated, guards);
        sr.args().forEach(a -> walk(a, env, guards, repeated));
        hasLinearReceive = true;
      } else {
        use(ch, receiveUse(kind, repeated));
        innerGuards.add(ch.label());
      }
      b.patterns().forEach(n -> bindName(n, inner));
      b.remainder().ifPresent(r -> bindPattern(r, inner));
    }
    walk(body, inner, innerGuards, repeated || kind == ReceiptKind.PERSISTENT);
  }

  private static ChannelUse receiveUse(ReceiptKind kind, boolean repeated) {
    return switch (kind) {
      case LINEAR -> new ChannelUse(0, 0, 1, 0, 0, false, repeated);
      case PERSISTENT -> new ChannelUse(0, 0, 0, 1, 0, false, false);
      case PEEK -> new ChannelUse(0, 0, 0, 0, 1, false, false);
    };
  }

  private void send(Channel ch, boolean persistent, boolean repeated, List<String> guards) {
    use(ch, new ChannelUse(persistent ? 0 : 1, persistent ? 1 : 0, 0, 0, 0, repeated, false));
    for (String g : guards) {
      dependencies.add(new Dependency(g, ch.label()));
    }
  }

  private void use(Channel ch, ChannelUse u) {
    uses.merge(ch, u, ChannelUse::plus);
  }

  private Channel declare(NameDecl d) {
    Optional<String> uri = d.uri();
    if (uri.isPresent()) {
      literals.add(ChannelKind.URI.label(uri.get()));
      return publicName(ChannelKind.URI, uri.get());
    }
    declared.add(d.var());
    return Channel.of(ChannelKind.PRIVATE, d.var());
  }

  private Channel publicName(ChannelKind kind, String text) {
    Channel c = Channel.of(kind, text);
    freeNames.add(c.label());
    literals.add(c.label());
    namespaces.addAll(Namespaces.prefixes(text));
    return c;
  }

  /** What a name in channel position denotes. */
  private Channel channel(Name n, Map<String, Channel> env) {
    return switch (n) {
      case Name.NameVar v -> variable(v.name(), env);
      case Name.NameWildcard w -> Channel.of(ChannelKind.BOUND, "_");
      case Name.Quote q -> quoted(q.proc(), env);
    };
  }

  private Channel quoted(Proc p, Map<String, Channel> env) {
    return switch (p) {
      case Proc.StringLit s -> publicName(ChannelKind.PUBLIC, s.value());
      case Proc.UriLit u -> publicName(ChannelKind.URI, u.value());
      case Proc.Eval e -> channel(e.name(), env);
      case Proc.Var v -> variable(v.name(), env);
      case Proc.IntLit i -> Channel.of(ChannelKind.QUOTED, Long.toString(i.value()));
      case Proc.BoolLit b -> Channel.of(ChannelKind.QUOTED, Boolean.toString(b.value()));
      case Proc.Nil nil -> Channel.of(ChannelKind.QUOTED, "Nil");
      default -> {
        // A compound quote such as @(*rev, "balance"): its parts still matter for
        // literals and computed strings, but it has no short source form.
        walk(p, env, List.of(), false);
        yield Channel.of(ChannelKind.QUOTED, "{...}");
      }
    };
  }

  private Channel variable(String name, Map<String, Channel> env) {
    Channel bound = env.get(name);
    if (bound != null) {
      return bound;
    }
    Channel free = Channel.of(ChannelKind.FREE, name);
    freeNames.add(free.label());
    return free;
  }

  private static void bindName(Name n, Map<String, Channel> env) {
    switch (n) {
      case Name.NameVar v -> env.put(v.name(), Channel.of(ChannelKind.BOUND, v.name()));
      case Name.NameWildcard w -> {}
      case Name.Quote q -> bindPattern(q.proc(), env);
    }
  }

  /** Binds every variable of a pattern; literals in patterns never create names, so skip them. */
  private static void bindPattern(Proc pattern, Map<String, Channel> env) {
    PatternVars.of(pattern).forEach(v -> env.put(v, Channel.of(ChannelKind.BOUND, v)));
  }

  private static List<String> append(List<String> list, String x) {
    List<String> out = new ArrayList<>(list);
    out.add(x);
    return out;
  }
}
