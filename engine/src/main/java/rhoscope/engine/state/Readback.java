package rhoscope.engine.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
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
import rhoscope.lang.ast.process.VarRefKind;

/**
 * Reads terms back as process ASTs, for printing and for the checker. Bound variables get
 * generated names ({@code v0}, {@code v1}, ...); a private name prints as the identifier
 * it was declared with ({@code x}, then {@code x_1}, {@code x_2} for further instances).
 */
public final class Readback {
  private final Deque<List<String>> frames = new ArrayDeque<>();
  private int counter;

  private Readback() {}

  /** A closed term as a process. */
  public static Proc proc(Term t) {
    return new Readback().p(t);
  }

  /** A name term ({@code Quote} or {@code Priv}) as a name. */
  public static Name name(Term t) {
    return new Readback().n(t);
  }

  /** The identifier a private name prints as. */
  public static String label(Term.Priv p) {
    return p.index() == 0 ? p.ident() : p.ident() + "_" + p.index();
  }

  private Proc p(Term t) {
    return switch (t) {
      case Term.Nil n -> new Proc.Nil();
      case Term.Par par -> Proc.Par.of(par.parts().stream().map(this::p).toList());
      case Term.New n -> {
        List<String> frame = n.names().stream().map(Term.NewName::ident).toList();
        List<NameDecl> decls = new ArrayList<>();
        for (int i = 0; i < frame.size(); i++) {
          decls.add(new NameDecl(frame.get(i), n.names().get(i).uri()));
        }
        yield new Proc.New(decls, inFrame(frame, () -> p(n.body())));
      }
      case Term.Send s -> new Proc.Send(n(s.channel()),
          s.persistent() ? SendKind.PERSISTENT : SendKind.SINGLE,
          s.args().stream().map(this::p).toList());
      case Term.Input i -> input(i);
      case Term.Choice c -> {
        List<Branch> bs = new ArrayList<>();
        for (Term.Branch b : c.branches()) {
          List<String> frame = fresh(b.frame());
          List<Bind> binds = binds(b.binds(), frame);
          bs.add(new Branch(binds, inFrame(frame, () -> p(b.body()))));
        }
        yield new Proc.Select(bs);
      }
      case Term.Match m -> {
        List<Case> cases = new ArrayList<>();
        for (Term.MatchCase c : m.cases()) {
          List<String> frame = fresh(c.frame());
          Proc pat = pattern(c.pattern(), frame);
          cases.add(new Case(pat, inFrame(frame, () -> p(c.body()))));
        }
        yield new Proc.Match(p(m.target()), cases);
      }
      case Term.If i -> new Proc.If(p(i.condition()), p(i.then()),
          i.otherwise() instanceof Term.Nil ? Optional.empty() : Optional.of(p(i.otherwise())));
      case Term.Let l -> {
        List<String> frame = fresh(l.frame());
        List<Decl> decls = new ArrayList<>();
        for (Term.LetDecl d : l.decls()) {
          decls.add(new Decl(d.patterns().stream().map(x -> namePattern(x, frame)).toList(),
              d.rest().map(r -> pattern(r, frame)), d.values().stream().map(this::p).toList()));
        }
        yield new Proc.Let(LetKind.CONCURRENT, decls, inFrame(frame, () -> p(l.body())));
      }
      case Term.Eval e -> new Proc.Eval(n(e.name()));
      case Term.Var v -> new Proc.Var(var(v));
      case Term.Quote q -> p(q.proc());
      case Term.Priv pr -> new Proc.Eval(new Name.NameVar(label(pr)));
      case Term.IntV i -> new Proc.IntLit(i.value());
      case Term.BigV b -> new Proc.BigIntLit(b.value());
      case Term.StrV s -> new Proc.StringLit(s.value());
      case Term.BoolV b -> new Proc.BoolLit(b.value());
      case Term.UriV u -> new Proc.UriLit(u.value());
      case Term.BytesV b -> new Proc.Method(new Proc.StringLit(b.hex()), "hexToBytes", List.of());
      case Term.ListT l -> new Proc.ListLit(l.elements().stream().map(this::p).toList(),
          l.rest().map(this::p));
      case Term.TupleT tu -> new Proc.TupleLit(tu.elements().stream().map(this::p).toList());
      case Term.SetT s -> new Proc.SetLit(s.elements().stream().map(this::p).toList(),
          s.rest().map(this::p));
      case Term.MapT m -> {
        List<KeyValue> kvs = new ArrayList<>();
        for (int i = 0; i < m.keys().size(); i++) {
          kvs.add(new KeyValue(p(m.keys().get(i)), p(m.values().get(i))));
        }
        yield new Proc.MapLit(kvs, m.rest().map(this::p));
      }
      case Term.Bin b -> new Proc.Binary(b.op(), p(b.left()), p(b.right()));
      case Term.Un u -> new Proc.Unary(u.op(), p(u.operand()));
      case Term.Meth m -> new Proc.Method(p(m.receiver()), m.method(),
          m.args().stream().map(this::p).toList());
      case Term.PVar v -> new Proc.Var("v" + v.slot());
      case Term.PWild w -> new Proc.Wildcard();
      case Term.PType pt -> new Proc.SimpleType(pt.kind());
    };
  }

  private Proc input(Term.Input i) {
    List<String> frame = fresh(i.frame());
    List<Bind> binds = binds(i.binds(), frame);
    Proc body = inFrame(frame, () -> p(i.body()));
    if (i.contract() && binds.size() == 1) {
      Bind b = binds.get(0);
      return new Proc.Contract(b.source().channel(), b.patterns(), b.remainder(), body);
    }
    ReceiptKind kind = i.kind();
    return new Proc.Input(kind, binds, body);
  }

  private List<Bind> binds(List<Term.InBind> binds, List<String> frame) {
    List<Bind> out = new ArrayList<>();
    for (Term.InBind b : binds) {
      List<Name> pats = b.patterns().stream().map(x -> namePattern(x, frame)).toList();
      out.add(new Bind(pats, b.rest().map(r -> pattern(r, frame)),
          new Source.Simple(n(b.channel()))));
    }
    return out;
  }

  private Name n(Term t) {
    return switch (t) {
      case Term.Quote q -> new Name.Quote(p(q.proc()));
      case Term.Priv pr -> new Name.NameVar(label(pr));
      case Term.Var v -> new Name.NameVar(var(v));
      default -> new Name.Quote(p(t));
    };
  }

  private Name namePattern(Term t, List<String> frame) {
    return switch (t) {
      case Term.PVar v -> new Name.NameVar(frame.get(v.slot()));
      case Term.PWild w -> new Name.NameWildcard();
      case Term.Quote q -> new Name.Quote(pattern(q.proc(), frame));
      default -> n(t);
    };
  }

  private Proc pattern(Term t, List<String> frame) {
    return switch (t) {
      case Term.PVar v -> new Proc.Var(frame.get(v.slot()));
      case Term.Var v -> new Proc.VarRef(VarRefKind.PROC, var(v));
      case Term.ListT l -> new Proc.ListLit(pats(l.elements(), frame),
          l.rest().map(r -> pattern(r, frame)));
      case Term.TupleT tu -> new Proc.TupleLit(pats(tu.elements(), frame));
      case Term.SetT s -> new Proc.SetLit(pats(s.elements(), frame),
          s.rest().map(r -> pattern(r, frame)));
      case Term.MapT m -> {
        List<KeyValue> kvs = new ArrayList<>();
        for (int i = 0; i < m.keys().size(); i++) {
          kvs.add(new KeyValue(p(m.keys().get(i)), pattern(m.values().get(i), frame)));
        }
        yield new Proc.MapLit(kvs, m.rest().map(r -> pattern(r, frame)));
      }
      case Term.Bin b -> new Proc.Binary(b.op(), pattern(b.left(), frame),
          pattern(b.right(), frame));
      case Term.Un u -> new Proc.Unary(u.op(), pattern(u.operand(), frame));
      case Term.Send s -> new Proc.Send(namePattern(s.channel(), frame),
          s.persistent() ? SendKind.PERSISTENT : SendKind.SINGLE, pats(s.args(), frame));
      case Term.Eval e -> new Proc.Eval(namePattern(e.name(), frame));
      case Term.Par par -> Proc.Par.of(pats(par.parts(), frame));
      default -> p(t);
    };
  }

  private List<Proc> pats(List<Term> ts, List<String> frame) {
    return ts.stream().map(x -> pattern(x, frame)).toList();
  }

  private String var(Term.Var v) {
    int d = 0;
    for (var it = frames.descendingIterator(); it.hasNext(); d++) {
      List<String> f = it.next();
      if (d == v.depth()) {
        return f.get(v.slot());
      }
    }
    return "v?" + v.depth() + "_" + v.slot();
  }

  private List<String> fresh(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add("v" + counter++);
    }
    return out;
  }

  private <T> T inFrame(List<String> frame, java.util.function.Supplier<T> body) {
    frames.addLast(frame);
    try {
      return body.get();
    } finally {
      frames.removeLast();
    }
  }
}
