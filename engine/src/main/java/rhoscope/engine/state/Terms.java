package rhoscope.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import rhoscope.engine.state.Term.Bin;
import rhoscope.engine.state.Term.BigV;
import rhoscope.engine.state.Term.BoolV;
import rhoscope.engine.state.Term.Branch;
import rhoscope.engine.state.Term.Choice;
import rhoscope.engine.state.Term.Eval;
import rhoscope.engine.state.Term.If;
import rhoscope.engine.state.Term.InBind;
import rhoscope.engine.state.Term.Input;
import rhoscope.engine.state.Term.IntV;
import rhoscope.engine.state.Term.Let;
import rhoscope.engine.state.Term.LetDecl;
import rhoscope.engine.state.Term.ListT;
import rhoscope.engine.state.Term.MapT;
import rhoscope.engine.state.Term.Match;
import rhoscope.engine.state.Term.MatchCase;
import rhoscope.engine.state.Term.Meth;
import rhoscope.engine.state.Term.New;
import rhoscope.engine.state.Term.Nil;
import rhoscope.engine.state.Term.PType;
import rhoscope.engine.state.Term.PVar;
import rhoscope.engine.state.Term.PWild;
import rhoscope.engine.state.Term.Par;
import rhoscope.engine.state.Term.Priv;
import rhoscope.engine.state.Term.Quote;
import rhoscope.engine.state.Term.Send;
import rhoscope.engine.state.Term.SetT;
import rhoscope.engine.state.Term.StrV;
import rhoscope.engine.state.Term.TupleT;
import rhoscope.engine.state.Term.Un;
import rhoscope.engine.state.Term.UriV;
import rhoscope.engine.state.Term.Var;

/** Smart constructors, structural 64-bit hashes and substitution over {@link Term}s. */
public final class Terms {
  private Terms() {}

  // ---- smart constructors keep terms in normal form

  /** The flat parallel composition of {@code procs}, Nil dropped, parts sorted by hash. */
  public static Term par(List<Term> procs) {
    List<Term> flat = new ArrayList<>(procs.size());
    for (Term p : procs) {
      if (p instanceof Par par) {
        flat.addAll(par.parts());
      } else if (!(p instanceof Nil)) {
        flat.add(p);
      }
    }
    if (flat.isEmpty()) {
      return Term.NIL;
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    return new Par(sortedByHash(flat));
  }

  /** The terms sorted by structural hash, each hash computed once. */
  private static List<Term> sortedByHash(List<Term> ts) {
    long[] keys = new long[ts.size()];
    Integer[] order = new Integer[ts.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = hash(ts.get(i));
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    List<Term> out = new ArrayList<>(keys.length);
    for (Integer i : order) {
      out.add(ts.get(i));
    }
    return List.copyOf(out);
  }

  /** {@code *n}, with {@code *@P = P}. */
  public static Term eval(Term name) {
    return name instanceof Quote q ? q.proc() : new Eval(name);
  }

  /** {@code @P}, with {@code @*n = n}. */
  public static Term quote(Term proc) {
    return proc instanceof Eval e ? e.name() : new Quote(proc);
  }

  /** A set value: elements sorted by hash, duplicates removed. */
  public static SetT set(List<Term> elements, Optional<Term> rest) {
    List<Term> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(elements));
    return new SetT(sortedByHash(sorted), rest);
  }

  /** A map value: entries sorted by key hash, a later key replacing an earlier one. */
  public static MapT map(List<Term> keys, List<Term> values, Optional<Term> rest) {
    List<Term> ks = new ArrayList<>();
    List<Term> vs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      int at = ks.indexOf(keys.get(i));
      if (at >= 0) {
        vs.set(at, values.get(i));
      } else {
        ks.add(keys.get(i));
        vs.add(values.get(i));
      }
    }
    Integer[] order = new Integer[ks.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long[] keyHash = new long[ks.size()];
    for (int i = 0; i < keyHash.length; i++) {
      keyHash[i] = hash(ks.get(i));
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(keyHash[a], keyHash[b]));
    List<Term> sk = new ArrayList<>();
    List<Term> sv = new ArrayList<>();
    for (Integer i : order) {
      sk.add(ks.get(i));
      sv.add(vs.get(i));
    }
    return new MapT(List.copyOf(sk), List.copyOf(sv), rest);
  }

  // ---- hashing

  /** A well-mixed 64-bit finaliser (MurmurHash3's fmix64). */
  public static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  static long combine(long h, long x) {
    return mix(h * 0x9E3779B97F4A7C15L + x);
  }

  static long hashString(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return mix(h + s.length());
  }

  /** The structural hash: equal terms have equal hashes, whatever their history. */
  public static long hash(Term t) {
    return hash(t, false);
  }

  /**
   * With {@code shape}, private names hash alike (neither identifier nor number), so that
   * renaming private names keeps the hash: what {@link Canon} knows a thread by before it
   * tells the names apart.
   */
  static long hash(Term t, boolean shape) {
    return switch (t) {
      case Nil n -> 0x51L;
      case Par p -> {
        // parts are sorted, so an order-dependent combination is still canonical; under
        // `shape` they may not be sorted by shape hash, so combine commutatively there.
        long h = 0x52L;
        for (Term part : p.parts()) {
          h = shape ? h + mix(hash(part, true)) : combine(h, hash(part, false));
        }
        yield mix(h);
      }
      case New n -> {
        long h = 0x53L;
        for (Term.NewName nn : n.names()) {
          h = combine(combine(h, hashString(nn.ident())), hashString(nn.uri().orElse("")));
        }
        yield combine(h, hash(n.body(), shape));
      }
      case Send s ->
          combine(combine(s.persistent() ? 0x54L : 0x55L, hash(s.channel(), shape)),
              hashList(s.args(), shape));
      case Input i -> {
        long h = combine(0x56L + i.kind().ordinal() * 7L + (i.contract() ? 3 : 0), i.frame());
        h = combine(h, hashBinds(i.binds(), shape));
        yield combine(h, hash(i.body(), shape));
      }
      case Choice c -> {
        long h = 0x57L;
        for (Branch b : c.branches()) {
          h = combine(combine(combine(h, hashBinds(b.binds(), shape)), b.frame()),
              hash(b.body(), shape));
        }
        yield h;
      }
      case Match m -> {
        long h = combine(0x58L, hash(m.target(), shape));
        for (MatchCase mc : m.cases()) {
          h = combine(combine(combine(h, hash(mc.pattern(), shape)), mc.frame()),
              hash(mc.body(), shape));
        }
        yield h;
      }
      case If i ->
          combine(combine(combine(0x59L, hash(i.condition(), shape)), hash(i.then(), shape)),
              hash(i.otherwise(), shape));
      case Let l -> {
        long h = combine(0x5AL, l.frame());
        for (LetDecl d : l.decls()) {
          h = combine(combine(combine(h, hashList(d.patterns(), shape)), hashOpt(d.rest(), shape)),
              hashList(d.values(), shape));
        }
        yield combine(h, hash(l.body(), shape));
      }
      case Eval e -> combine(0x5BL, hash(e.name(), shape));
      case Var v -> combine(combine(0x5CL, v.depth()), v.slot());
      case Quote q -> combine(0x5DL, hash(q.proc(), shape));
      case Priv p -> shape
          ? 0x5EL
          : combine(combine(0x5EL, hashString(p.ident())), p.index());
      case IntV i -> combine(0x5FL, i.value());
      case BigV b -> combine(0x60L, hashString(b.value().toString()));
      case StrV s -> combine(0x61L, hashString(s.value()));
      case BoolV b -> b.value() ? 0x62L : 0x63L;
      case UriV u -> combine(0x64L, hashString(u.value()));
      case Term.BytesV y -> combine(0x72L, hashString(y.hex()));
      case ListT l -> combine(combine(0x65L, hashList(l.elements(), shape)), hashOpt(l.rest(), shape));
      case TupleT tu -> combine(0x66L, hashList(tu.elements(), shape));
      // elements and entries are sorted by full hash, which renaming changes: under `shape`
      // combine them commutatively, as Par does
      case SetT s -> combine(combine(0x67L, shape ? hashBag(s.elements()) : hashList(s.elements(), false)),
          hashOpt(s.rest(), shape));
      case MapT m -> shape
          ? combine(combine(0x68L, hashEntries(m)), hashOpt(m.rest(), true))
          : combine(combine(combine(0x68L, hashList(m.keys(), false)),
              hashList(m.values(), false)), hashOpt(m.rest(), false));
      case Bin b ->
          combine(combine(combine(0x69L, b.op().ordinal()), hash(b.left(), shape)),
              hash(b.right(), shape));
      case Un u -> combine(combine(0x6AL, u.op().ordinal()), hash(u.operand(), shape));
      case Meth m ->
          combine(combine(combine(0x6BL, hash(m.receiver(), shape)), hashString(m.method())),
              hashList(m.args(), shape));
      case PVar p -> combine(0x6CL, p.slot());
      case PWild w -> 0x6DL;
      case PType p -> combine(0x6EL, p.kind().ordinal());
    };
  }

  private static long hashList(List<Term> ts, boolean shape) {
    long h = 0x70L + ts.size();
    for (Term t : ts) {
      h = combine(h, hash(t, shape));
    }
    return h;
  }

  private static long hashBag(List<Term> ts) {
    long h = 0x74L + ts.size();
    for (Term t : ts) {
      h += mix(hash(t, true));
    }
    return mix(h);
  }

  private static long hashEntries(MapT m) {
    long h = 0x75L + m.keys().size();
    for (int i = 0; i < m.keys().size(); i++) {
      h += mix(combine(hash(m.keys().get(i), true), hash(m.values().get(i), true)));
    }
    return mix(h);
  }

  private static long hashOpt(Optional<Term> t, boolean shape) {
    return t.map(x -> combine(0x71L, hash(x, shape))).orElse(0x72L);
  }

  private static long hashBinds(List<InBind> binds, boolean shape) {
    long h = 0x73L;
    for (InBind b : binds) {
      h = combine(combine(combine(h, hash(b.channel(), shape)), hashList(b.patterns(), shape)),
          hashOpt(b.rest(), shape));
    }
    return h;
  }

  // ---- substitution and renaming

  /** Replaces the variables of the outermost frame ({@code Var(0, i)}) by {@code values[i]}. */
  public static Term instantiate(Term t, Term[] values) {
    return rewrite(t, 0, (v, depth) -> v.depth() == depth ? values[v.slot()] : v, p -> p);
  }

  /** Whether the term uses a variable of the frame just outside it ({@code Var(0, _)}). */
  public static boolean mentionsOwnFrame(Term t) {
    boolean[] found = {false};
    rewrite(t, 0, (v, depth) -> {
      found[0] |= v.depth() == depth;
      return v;
    }, p -> p);
    return found[0];
  }

  /** The term with the unused frame just outside it removed: outer references move in. */
  public static Term dropFrame(Term t) {
    return rewrite(t, 0, (v, depth) -> v.depth() > depth ? new Var(v.depth() - 1, v.slot()) : v,
        p -> p);
  }

  /** Renames private names; names missing from the function stay. */
  public static Term rename(Term t, Function<Priv, Priv> renaming) {
    return rewrite(t, 0, (v, depth) -> v, renaming::apply);
  }

  /** Every private name occurrence, in a fixed traversal order (repeats kept). */
  public static List<Priv> privates(Term t) {
    List<Priv> out = new ArrayList<>();
    rewrite(t, 0, (v, depth) -> v, p -> {
      out.add(p);
      return p;
    });
    return out;
  }

  /** Whether a term still contains pattern parts (binders, wildcards, connectives). */
  public static boolean isPattern(Term t) {
    boolean[] found = {false};
    rewrite(t, 0, (v, depth) -> v, p -> p, x -> {
      if (x instanceof PVar || x instanceof PWild || x instanceof PType
          || (x instanceof Bin b && (b.op() == rhoscope.lang.ast.process.BinaryOp.CONJ
              || b.op() == rhoscope.lang.ast.process.BinaryOp.DISJ))
          || (x instanceof Un u && u.op() == rhoscope.lang.ast.process.UnaryOp.PATTERN_NOT)
          || (x instanceof ListT l && l.rest().isPresent())
          || (x instanceof SetT s && s.rest().isPresent())
          || (x instanceof MapT m && m.rest().isPresent())) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** Calls {@code seen} on every subterm (patterns, channels and bodies included). */
  public static void visit(Term t, java.util.function.Consumer<Term> seen) {
    rewrite(t, 0, (v, depth) -> v, p -> p, seen);
  }

  interface VarFn {
    Term apply(Var v, int depth);
  }

  private static Term rewrite(Term t, int d, VarFn vf, Function<Priv, Term> pf) {
    return rewrite(t, d, vf, pf, x -> {});
  }

  private static Term rewrite(
      Term t, int d, VarFn vf, Function<Priv, Term> pf, java.util.function.Consumer<Term> seen) {
    seen.accept(t);
    Function<Term, Term> r = x -> rewrite(x, d, vf, pf, seen);
    Function<Term, Term> inner = x -> rewrite(x, d + 1, vf, pf, seen);
    return switch (t) {
      case Nil n -> n;
      case Par p -> par(mapList(p.parts(), r));
      case New n -> new New(n.names(), inner.apply(n.body()));
      case Send s -> new Send(r.apply(s.channel()), mapList(s.args(), r), s.persistent());
      case Input i ->
          new Input(i.kind(), mapBinds(i.binds(), r), i.frame(), inner.apply(i.body()), i.contract());
      case Choice c -> {
        List<Branch> bs = new ArrayList<>();
        for (Branch b : c.branches()) {
          bs.add(new Branch(mapBinds(b.binds(), r), b.frame(), inner.apply(b.body())));
        }
        yield new Choice(List.copyOf(bs));
      }
      case Match m -> {
        List<MatchCase> cs = new ArrayList<>();
        for (MatchCase mc : m.cases()) {
          cs.add(new MatchCase(r.apply(mc.pattern()), mc.frame(), inner.apply(mc.body())));
        }
        yield new Match(r.apply(m.target()), List.copyOf(cs));
      }
      case If i -> new If(r.apply(i.condition()), r.apply(i.then()), r.apply(i.otherwise()));
      case Let l -> {
        List<LetDecl> ds = new ArrayList<>();
        for (LetDecl dd : l.decls()) {
          ds.add(new LetDecl(mapList(dd.patterns(), r), dd.rest().map(r), mapList(dd.values(), r)));
        }
        yield new Let(List.copyOf(ds), l.frame(), inner.apply(l.body()));
      }
      case Eval e -> eval(r.apply(e.name()));
      case Var v -> vf.apply(v, d);
      case Quote q -> quote(r.apply(q.proc()));
      case Priv p -> pf.apply(p);
      case IntV i -> i;
      case BigV b -> b;
      case StrV s -> s;
      case BoolV b -> b;
      case UriV u -> u;
      case Term.BytesV y -> y;
      case ListT l -> new ListT(mapList(l.elements(), r), l.rest().map(r));
      case TupleT tu -> new TupleT(mapList(tu.elements(), r));
      case SetT s -> s.rest().isPresent()
          ? new SetT(mapList(s.elements(), r), s.rest().map(r))
          : set(mapList(s.elements(), r), s.rest());
      case MapT m -> m.rest().isPresent()
          ? new MapT(mapList(m.keys(), r), mapList(m.values(), r), m.rest().map(r))
          : map(mapList(m.keys(), r), mapList(m.values(), r), m.rest());
      case Bin b -> new Bin(b.op(), r.apply(b.left()), r.apply(b.right()));
      case Un u -> new Un(u.op(), r.apply(u.operand()));
      case Meth m -> new Meth(r.apply(m.receiver()), m.method(), mapList(m.args(), r));
      case PVar p -> p;
      case PWild w -> w;
      case PType p -> p;
    };
  }

  private static List<Term> mapList(List<Term> ts, Function<Term, Term> f) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(f.apply(t));
    }
    return List.copyOf(out);
  }

  private static List<InBind> mapBinds(List<InBind> binds, Function<Term, Term> f) {
    List<InBind> out = new ArrayList<>(binds.size());
    for (InBind b : binds) {
      out.add(new InBind(f.apply(b.channel()), mapList(b.patterns(), f), b.rest().map(f)));
    }
    return List.copyOf(out);
  }
}
