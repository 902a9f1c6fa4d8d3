package rhoscope.engine.reduce;

import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rhoscope.engine.state.Term.InBind;
import rhoscope.engine.state.Term.NewName;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.Case;
import rhoscope.lang.ast.process.Decl;
import rhoscope.lang.ast.process.KeyValue;
import rhoscope.lang.ast.process.LetKind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.Source;
import rhoscope.lang.ast.process.UnaryOp;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.diag.SourceSpan;

/**
 * Compiles a process AST into a closed {@link Term}: variables become (depth, slot)
 * references, sugar is expanded, and every variable must be bound.
 */
public final class Compiler {
  private enum Sort { NAME, PROC }

  private record Slot(String name, Sort sort) {}

  /** The binders around the current node, innermost last. */
  private final Deque<List<Slot>> scope = new ArrayDeque<>();
  /** Source positions of the enclosing nodes that have one, innermost first. */
  private final Deque<SourceSpan> spans = new ArrayDeque<>();
  private final ParsedProcess source;
  /** A system service may call the registry's reserved method; a program may not. */
  private final boolean system;
  /** URIs the program's text names that stand for other URIs (a genesis deploy's identity). */
  private final Map<String, String> aliases;
  private final Set<String> staticIdents = new HashSet<>();
  /** The URIs the process mentions (literals and {@code new x(`uri`)}). */
  private final Set<String> uris = new HashSet<>();
  /** Above zero inside code that may run more than once (bodies of receives, quotes). */
  private int dynamic;
  private boolean needsCanon;

  private Compiler(ParsedProcess source, boolean system, Map<String, String> aliases) {
    this.source = source;
    this.system = system;
    this.aliases = Map.copyOf(aliases);
  }

  /**
   * The compiled program, whether its private names ever need renumbering, and the URIs it
   * mentions.
   */
  public record Compiled(Term term, boolean needsCanon, Set<String> uris) {
    public Compiled {
      uris = Set.copyOf(uris);
    }
  }

  public static Compiled compile(ParsedProcess source) {
    return compile(source, Set.of(), Map.of());
  }

  /**
   * Compiles {@code source} beside the system services it uses that {@code provided} (the URIs
   * an environment already serves) does not; {@code aliases} renames URIs of the text.
   */
  static Compiled compile(ParsedProcess source, Set<String> provided, Map<String, String> aliases) {
    Compiler c = new Compiler(source, false, aliases);
    Term t = c.proc(source.process());
    List<Term> services = SystemProcesses.servicesFor(c.uris, provided);
    if (!services.isEmpty()) {
      List<Term> parts = new ArrayList<>(services);
      parts.add(0, t);
      t = Terms.par(parts);
    }
    return new Compiled(t, c.needsCanon, c.uris);
  }

  /** A system service (see {@link SystemProcesses}): closed, with no private name. */
  static Term compileService(ParsedProcess source) {
    return new Compiler(source, true, Map.of()).proc(source.process());
  }

  // ---- processes

  private Term proc(Proc p) {
    boolean pushed = enter(p);
    try {
      return procInner(p);
    } finally {
      leave(pushed);
    }
  }

  private Term procInner(Proc p) {
    return switch (p) {
      case Proc.Nil n -> Term.NIL;
      case Proc.Par par -> Terms.par(par.parts().stream().map(this::proc).toList());
      case Proc.New n -> compileNew(n);
      case Proc.Send s -> new Term.Send(
          name(s.channel()), data(s.args()), s.kind() == SendKind.PERSISTENT);
      case Proc.SendSync s -> sendSync(s);
      case Proc.Input i -> input(i.kind(), i.binds(), i.body(), false);
      case Proc.Contract c -> input(ReceiptKind.PERSISTENT,
          List.of(new Bind(c.formals(), c.remainder(), new Source.Simple(c.name()))),
          c.body(), true);
      case Proc.Select s -> select(s);
      case Proc.Match m -> match(m);
      case Proc.If i -> new Term.If(
          proc(i.condition()), proc(i.then()), i.otherwise().map(this::proc).orElse(Term.NIL));
      case Proc.Let l -> let(l);
      case Proc.Bundle b -> proc(b.body());
      case Proc.Eval e -> Terms.eval(name(e.name()));
      case Proc.Var v -> variable(v.name(), Sort.PROC);
      case Proc.Wildcard w -> throw error(ErrorCode.UNSUPPORTED, "'_' outside a pattern");
      case Proc.VarRef r -> throw error(ErrorCode.UNSUPPORTED, "'" + r.kind().symbol()
          + r.name() + "' outside a pattern");
      case Proc.BoolLit b -> new Term.BoolV(b.value());
      case Proc.IntLit i -> new Term.IntV(i.value());
      case Proc.BigIntLit b -> new Term.BigV(b.value());
      case Proc.StringLit s -> new Term.StrV(s.value());
      case Proc.UriLit u -> {
        String uri = aliases.getOrDefault(u.value(), u.value());
        uris.add(uri);
        yield new Term.UriV(uri);
      }
      case Proc.ListLit l -> {
        if (l.remainder().isPresent()) {
          throw error(ErrorCode.UNSUPPORTED, "a list remainder outside a pattern");
        }
        yield new Term.ListT(l.elements().stream().map(this::proc).toList(), Optional.empty());
      }
      case Proc.TupleLit t -> new Term.TupleT(t.elements().stream().map(this::proc).toList());
      case Proc.SetLit s -> {
        if (s.remainder().isPresent()) {
          throw error(ErrorCode.UNSUPPORTED, "a set remainder outside a pattern");
        }
        yield Terms.set(s.elements().stream().map(this::proc).toList(), Optional.empty());
      }
      case Proc.MapLit m -> {
        if (m.remainder().isPresent()) {
          throw error(ErrorCode.UNSUPPORTED, "a map remainder outside a pattern");
        }
        yield Terms.map(m.entries().stream().map(kv -> proc(kv.key())).toList(),
            m.entries().stream().map(kv -> proc(kv.value())).toList(), Optional.empty());
      }
      case Proc.SimpleType t -> throw error(ErrorCode.UNSUPPORTED,
          "the type '" + t.kind().keyword() + "' outside a pattern");
      case Proc.Unary u -> {
        if (u.op() == UnaryOp.PATTERN_NOT) {
          throw error(ErrorCode.UNSUPPORTED, "'~' outside a pattern");
        }
        yield fold(new Term.Un(u.op(), proc(u.operand())));
      }
      case Proc.Binary b -> binary(b);
      case Proc.Method m -> {
        if (!system && SystemProcesses.RESERVED_METHODS.contains(m.method())) {
          throw error(ErrorCode.UNSUPPORTED, "no method '" + m.method() + "' in Rholang");
        }
        yield new Term.Meth(proc(m.receiver()), m.method(),
            m.args().stream().map(this::proc).toList());
      }
    };
  }

  private List<Term> data(List<Proc> args) {
    // a sent process may be run any number of times by its receivers
    dynamic++;
    try {
      return args.stream().map(this::proc).toList();
    } finally {
      dynamic--;
    }
  }

  private Term binary(Proc.Binary b) {
    return switch (b.op()) {
      case CONJ, DISJ -> throw error(ErrorCode.UNSUPPORTED,
          "'" + b.op().symbol() + "' outside a pattern");
      case MATCHES -> {
        List<Slot> frame = new ArrayList<>();
        Term pat = procPattern(b.right(), frame);
        yield new Term.Bin(BinaryOp.MATCHES, proc(b.left()), pat);
      }
      default -> new Term.Bin(b.op(), proc(b.left()), proc(b.right()));
    };
  }

  private static Term fold(Term.Un u) {
    if (u.op() == UnaryOp.NEG && u.operand() instanceof Term.IntV i
        && i.value() != Long.MIN_VALUE) {
      return new Term.IntV(-i.value());
    }
    return u;
  }

  private Term compileNew(Proc.New n) {
    // declarations sorted by identifier, so `new a, b` and `new b, a` compile alike
    List<NameDecl> sorted = new ArrayList<>(n.decls());
    sorted.sort(java.util.Comparator.comparing(NameDecl::var)
        .thenComparing(d -> d.uri().orElse("")));
    List<Slot> frame = new ArrayList<>();
    List<NewName> names = new ArrayList<>();
    for (NameDecl d : sorted) {
      frame.add(new Slot(d.var(), Sort.NAME));
      Optional<String> uri = d.uri().map(u -> aliases.getOrDefault(u, u));
      names.add(new NewName(d.var(), uri));
      uri.ifPresent(uris::add);
      if (d.uri().isEmpty()) {
        declare(d.var());
      }
    }
    Term body = inFrame(frame, () -> proc(n.body()));
    // `new x in P` is P when P does not mention x
    return Terms.mentionsOwnFrame(body) ? new Term.New(List.copyOf(names), body)
        : Terms.dropFrame(body);
  }

  private void declare(String ident) {
    if (dynamic > 0 || !staticIdents.add(ident)) {
      // created at run time, or two names share an identifier: canonical numbering needed
      needsCanon = true;
    }
  }

  private Term sendSync(Proc.SendSync s) {
    declare("ret");
    // x!?(args); P  =  new ret in { x!(args..., ret) | for (_ <- ret) { P } }
    List<Slot> retFrame = List.of(new Slot(null, Sort.NAME));
    return new Term.New(List.of(new NewName("ret", Optional.empty())), inFrame(retFrame, () -> {
      List<Term> args = new ArrayList<>(data(s.args()));
      args.add(Terms.eval(new Term.Var(0, 0)));
      Term cont = inFrame(List.of(), () -> {
        dynamic++;
        try {
          return s.continuation().map(this::proc).orElse(Term.NIL);
        } finally {
          dynamic--;
        }
      });
      Term wait = new Term.Input(ReceiptKind.LINEAR,
          List.of(new InBind(new Term.Var(0, 0), List.of(new Term.PWild()), Optional.empty())),
          0, cont, false);
      return Terms.par(List.of(new Term.Send(name(s.channel()), List.copyOf(args), false), wait));
    }));
  }

  private Term input(ReceiptKind kind, List<Bind> binds, Proc body, boolean contract) {
    // binds `p <- x!?(args)` first send args with a fresh return name, then receive on it
    List<Integer> syncs = new ArrayList<>();
    for (int i = 0; i < binds.size(); i++) {
      if (binds.get(i).source() instanceof Source.SendReceive) {
        syncs.add(i);
      }
    }
    if (syncs.isEmpty()) {
      return plainInput(kind, binds, body, contract, List.of());
    }
    List<Slot> retFrame = new ArrayList<>();
    List<NewName> names = new ArrayList<>();
    for (int ignored : syncs) {
      declare("ret");
      retFrame.add(new Slot(null, Sort.NAME));
      names.add(new NewName("ret", Optional.empty()));
    }
    return new Term.New(List.copyOf(names), inFrame(retFrame, () -> {
      List<Term> parts = new ArrayList<>();
      for (int j = 0; j < syncs.size(); j++) {
        Source.SendReceive sr = (Source.SendReceive) binds.get(syncs.get(j)).source();
        List<Term> args = new ArrayList<>(data(sr.args()));
        args.add(Terms.eval(new Term.Var(0, j)));
        parts.add(new Term.Send(name(sr.channel()), List.copyOf(args), false));
      }
      parts.add(plainInput(kind, binds, body, contract, syncs));
      return Terms.par(parts);
    }));
  }

  private Term plainInput(
      ReceiptKind kind, List<Bind> binds, Proc body, boolean contract, List<Integer> syncs) {
    List<Slot> frame = new ArrayList<>();
    List<InBind> compiled = new ArrayList<>();
    List<Integer> acks = new ArrayList<>();
    for (int i = 0; i < binds.size(); i++) {
      Bind b = binds.get(i);
      Term channel = switch (b.source()) {
        case Source.Simple s -> name(s.channel());
        case Source.ReceiveSend r -> name(r.channel());
        case Source.SendReceive sr -> new Term.Var(0, syncs.indexOf(i));
      };
      List<Term> pats = new ArrayList<>();
      for (Name n : b.patterns()) {
        pats.add(namePattern(n, frame));
      }
      if (b.source() instanceof Source.ReceiveSend) {
        // x?! : the message's last argument is a return name, acknowledged on receipt
        acks.add(frame.size());
        frame.add(new Slot(null, Sort.NAME));
        pats.add(new Term.PVar(acks.get(acks.size() - 1)));
      }
      Optional<Term> rest = b.remainder().map(r -> procPattern(r, frame));
      compiled.add(new InBind(channel, List.copyOf(pats), rest));
    }
    Term compiledBody = inFrame(frame, () -> {
      dynamic++;
      try {
        List<Term> parts = new ArrayList<>();
        for (int slot : acks) {
          parts.add(new Term.Send(new Term.Var(0, slot), List.of(), false));
        }
        parts.add(proc(body));
        return Terms.par(parts);
      } finally {
        dynamic--;
      }
    });
    return new Term.Input(kind, List.copyOf(compiled), frame.size(), compiledBody, contract);
  }

  private Term select(Proc.Select s) {
    List<Term.Branch> branches = new ArrayList<>();
    for (Branch b : s.branches()) {
      Term.Input in = (Term.Input) plainInput(ReceiptKind.LINEAR, b.binds(), b.body(), false,
          List.of());
      branches.add(new Term.Branch(in.binds(), in.frame(), in.body()));
    }
    return new Term.Choice(List.copyOf(branches));
  }

  private Term match(Proc.Match m) {
    Term target = proc(m.target());
    List<Term.MatchCase> cases = new ArrayList<>();
    for (Case c : m.cases()) {
      List<Slot> frame = new ArrayList<>();
      Term pat = procPattern(c.pattern(), frame);
      cases.add(new Term.MatchCase(pat, frame.size(), inFrame(frame, () -> proc(c.body()))));
    }
    return new Term.Match(target, List.copyOf(cases));
  }

  private Term let(Proc.Let l) {
    if (l.kind() == LetKind.SEQUENTIAL && l.decls().size() > 1) {
      Decl first = l.decls().get(0);
      Proc rest = new Proc.Let(LetKind.SEQUENTIAL, l.decls().subList(1, l.decls().size()), l.body());
      return letDecls(List.of(first), rest);
    }
    return letDecls(l.decls(), l.body());
  }

  private Term letDecls(List<Decl> decls, Proc body) {
    List<Slot> frame = new ArrayList<>();
    List<Term.LetDecl> compiled = new ArrayList<>();
    for (Decl d : decls) {
      List<Term> values = d.values().stream().map(this::proc).toList();
      List<Term> pats = new ArrayList<>();
      for (Name n : d.names()) {
        pats.add(namePattern(n, frame));
      }
      Optional<Term> rest = d.remainder().map(r -> procPattern(r, frame));
      compiled.add(new Term.LetDecl(List.copyOf(pats), rest, values));
    }
    return new Term.Let(List.copyOf(compiled), frame.size(), inFrame(frame, () -> proc(body)));
  }

  // ---- names and variables

  private Term name(Name n) {
    boolean pushed = enter(n);
    try {
      return switch (n) {
        case Name.NameVar v -> variable(v.name(), Sort.NAME);
        case Name.NameWildcard w -> throw error(ErrorCode.UNSUPPORTED, "'_' as a channel");
        case Name.Quote q -> {
          dynamic++;
          try {
            yield Terms.quote(proc(q.proc()));
          } finally {
            dynamic--;
          }
        }
      };
    } finally {
      leave(pushed);
    }
  }

  /** A variable used as {@code want}: a name used as a process is {@code *x}, and back. */
  private Term variable(String name, Sort want) {
    int depth = 0;
    for (var it = scope.descendingIterator(); it.hasNext(); depth++) {
      List<Slot> frame = it.next();
      for (int slot = frame.size() - 1; slot >= 0; slot--) {
        Slot s = frame.get(slot);
        if (name.equals(s.name())) {
          Term v = new Term.Var(depth, slot);
          if (s.sort() == want) {
            return v;
          }
          return want == Sort.PROC ? Terms.eval(v) : Terms.quote(v);
        }
      }
    }
    throw error(ErrorCode.UNBOUND_VARIABLE, "unbound variable '" + name + "'");
  }

  // ---- patterns: variables bind new slots of `frame`; =x refers to the scope outside

  private Term namePattern(Name n, List<Slot> frame) {
    boolean pushed = enter(n);
    try {
      return switch (n) {
        case Name.NameVar v -> bindSlot(frame, v.name(), Sort.NAME);
        case Name.NameWildcard w -> new Term.PWild();
        case Name.Quote q -> Terms.quote(procPattern(q.proc(), frame));
      };
    } finally {
      leave(pushed);
    }
  }

  private static Term bindSlot(List<Slot> frame, String name, Sort sort) {
    frame.add(new Slot(name, sort));
    return new Term.PVar(frame.size() - 1);
  }

  private Term procPattern(Proc p, List<Slot> frame) {
    boolean pushed = enter(p);
    try {
      return switch (p) {
        case Proc.Var v -> bindSlot(frame, v.name(), Sort.PROC);
        case Proc.Wildcard w -> new Term.PWild();
        case Proc.VarRef r -> variable(r.name(), Sort.PROC);
        case Proc.SimpleType t -> new Term.PType(t.kind());
        case Proc.Nil n -> Term.NIL;
        case Proc.BoolLit b -> new Term.BoolV(b.value());
        case Proc.IntLit i -> new Term.IntV(i.value());
        case Proc.BigIntLit b -> new Term.BigV(b.value());
        case Proc.StringLit s -> new Term.StrV(s.value());
        case Proc.UriLit u -> new Term.UriV(u.value());
        case Proc.ListLit l -> new Term.ListT(patterns(l.elements(), frame),
            l.remainder().map(r -> procPattern(r, frame)));
        case Proc.TupleLit t -> new Term.TupleT(patterns(t.elements(), frame));
        case Proc.SetLit s -> new Term.SetT(patterns(s.elements(), frame),
            s.remainder().map(r -> procPattern(r, frame)));
        case Proc.MapLit m -> new Term.MapT(
            m.entries().stream().map(KeyValue::key).map(this::proc).toList(),
            patterns(m.entries().stream().map(KeyValue::value).toList(), frame),
            m.remainder().map(r -> procPattern(r, frame)));
        case Proc.Unary u -> u.op() == UnaryOp.PATTERN_NOT
            ? new Term.Un(UnaryOp.PATTERN_NOT, procPattern(u.operand(), frame))
            : fold(new Term.Un(u.op(), proc(u.operand())));
        case Proc.Binary b -> switch (b.op()) {
          case CONJ, DISJ -> new Term.Bin(b.op(), procPattern(b.left(), frame),
              procPattern(b.right(), frame));
          default -> new Term.Bin(b.op(), proc(b.left()), proc(b.right()));
        };
        case Proc.Send s -> new Term.Send(namePattern(s.channel(), frame),
            patterns(s.args(), frame), s.kind() == SendKind.PERSISTENT);
        case Proc.Eval e -> Terms.eval(namePattern(e.name(), frame));
        case Proc.Bundle b -> procPattern(b.body(), frame);
        case Proc.Par par -> Terms.par(patterns(par.parts(), frame));
        case Proc.New n -> throw unsupportedPattern("new");
        case Proc.SendSync s -> throw unsupportedPattern("a synchronous send");
        case Proc.Input i -> receivePattern(i, frame);
        case Proc.Contract c -> throw unsupportedPattern("a contract");
        case Proc.Select s -> throw unsupportedPattern("select");
        case Proc.Match m -> throw unsupportedPattern("match");
        case Proc.If i -> throw unsupportedPattern("if");
        case Proc.Let l -> throw unsupportedPattern("let");
        case Proc.Method m -> throw unsupportedPattern("a method call");
      };
    } finally {
      leave(pushed);
    }
  }

  /**
   * A receive inside a pattern, as RChain's Either checks the shape of a function it is given
   * ({@code match f { for (x, y, r <- fName) { _ } => ... }}): the channel is a pattern of the
   * enclosing frame; the formals bind only inside the receive (a frame of their own), so they
   * match a receive whose formals are variables in the same places; the body must be {@code _}.
   */
  private Term receivePattern(Proc.Input in, List<Slot> frame) {
    if (!(in.body() instanceof Proc.Wildcard)) {
      throw unsupportedPattern("a receive whose body is not '_'");
    }
    List<Slot> inner = new ArrayList<>();
    List<InBind> binds = new ArrayList<>();
    for (Bind b : in.binds()) {
      if (!(b.source() instanceof Source.Simple src)) {
        throw unsupportedPattern("a receive with '?!' or '!?'");
      }
      if (b.remainder().isPresent()) {
        throw unsupportedPattern("a receive with a remainder");
      }
      Term channel = namePattern(src.channel(), frame);
      List<Term> formals = new ArrayList<>();
      for (Name n : b.patterns()) {
        formals.add(switch (n) {
          case Name.NameVar v -> bindSlot(inner, v.name(), Sort.NAME);
          case Name.NameWildcard w -> new Term.PWild();
          case Name.Quote q when q.proc() instanceof Proc.Var v ->
              bindSlot(inner, v.name(), Sort.PROC);
          case Name.Quote q -> throw unsupportedPattern("a receive with a quoted formal");
        });
      }
      binds.add(new InBind(channel, List.copyOf(formals), Optional.empty()));
    }
    return new Term.Input(in.kind(), List.copyOf(binds), inner.size(), new Term.PWild(), false);
  }

  private List<Term> patterns(List<Proc> ps, List<Slot> frame) {
    List<Term> out = new ArrayList<>(ps.size());
    for (Proc p : ps) {
      out.add(procPattern(p, frame));
    }
    return List.copyOf(out);
  }

  private LangException unsupportedPattern(String what) {
    return error(ErrorCode.UNSUPPORTED, what + " inside a pattern");
  }

  // ---- scopes and positions

  private <T> T inFrame(List<Slot> frame, java.util.function.Supplier<T> body) {
    scope.addLast(frame);
    try {
      return body.get();
    } finally {
      scope.removeLast();
    }
  }

  private boolean enter(Object node) {
    Optional<SourceSpan> span = source.positions().of(node);
    span.ifPresent(spans::push);
    return span.isPresent();
  }

  private void leave(boolean pushed) {
    if (pushed) {
      spans.pop();
    }
  }

  private LangException error(ErrorCode code, String detail) {
    SourceSpan at = spans.peek();
    return new LangException(code, source.sourceName(), source.text(),
        at == null ? 0 : at.line(), at == null ? 0 : at.column(), detail);
  }
}
