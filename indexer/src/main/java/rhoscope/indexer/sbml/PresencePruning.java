package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import rhoscope.lang.ast.type.Literal;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.PayloadPattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.ast.type.TypeLibrary;

/**
 * Rewrites a core type with what the presence closure of a boolean model proves about every
 * reachable state: the only messages on public names are species' {@code @"S"!(true)}, one at most
 * per species, and only for species in the closure; the translation declares no private name and
 * no URI. A send atom that no thread of a reachable state can match is {@code false}, and the
 * Boolean algebra and the modalities fold the constants away.
 *
 * <p>Sound because each rewritten atom is false on every part of every reachable state, which is
 * all the checker ever evaluates it on. Only operand positions are rewritten: a receive's
 * continuation, a quoted or a payload type describes code that is not running (a reaction's body
 * does send on species outside the closure), so those are left as written.
 */
final class PresencePruning {
  private static final Type FALSE = new Type.False();
  private static final Type TRUE = new Type.True();

  private final Set<String> reachable;

  private PresencePruning(Set<String> reachable) {
    this.reachable = reachable;
  }

  /** {@code core} with every atom that no reachable state can hold replaced and folded. */
  static Type prune(Type core, PresenceClosure closure) {
    return new PresencePruning(closure.reachable()).rewrite(core);
  }

  /**
   * Whether a send atom can match the presence message of a species the closure reaches: a public
   * name without glob characters, one payload that {@code true} may match ({@code _}, {@code
   * true}).
   */
  static boolean isPresence(Type.Send s) {
    return s.channel() instanceof NamePattern.StringName n
        && !isGlob(n.glob())
        && !s.open()
        && s.args().size() == 1
        && acceptsTrue(s.args().get(0));
  }

  /** The species a {@link #isPresence} atom names. */
  static String species(Type.Send s) {
    return ((NamePattern.StringName) s.channel()).glob();
  }

  /** The public names, without glob characters, of the send atoms in operand positions. */
  static Set<String> named(Type core) {
    Set<String> out = new TreeSet<>();
    collectNamed(core, out);
    return out;
  }

  private static void collectNamed(Type t, Set<String> out) {
    if (t instanceof Type.Send s && s.channel() instanceof NamePattern.StringName n
        && !isGlob(n.glob())) {
      out.add(n.glob());
    }
    if (t instanceof Type.Sugared s) {
      collectNamed(s.core(), out);
      return;
    }
    t.operands().forEach(o -> collectNamed(o, out));
  }

  private Type rewrite(Type t) {
    return switch (t) {
      case Type.Send s -> never(s) ? FALSE : s;
      case Type.Receive r -> r;
      case Type.Contract c -> c;
      case Type.Eval e -> e;
      case Type.Nil n -> n;
      case Type.True x -> x;
      case Type.False x -> x;
      case Type.Var v -> v;
      case Type.Race r -> r;
      case Type.Not n -> not(rewrite(n.operand()));
      case Type.And a -> and(rewrite(a.left()), rewrite(a.right()));
      case Type.Or o -> or(rewrite(o.left()), rewrite(o.right()));
      case Type.Par p -> par(rewrite(p.left()), rewrite(p.right()));
      case Type.Diamond d -> {
        Type body = rewrite(d.body());
        yield body instanceof Type.False
            ? FALSE
            : same(d.body(), body, d, new Type.Diamond(d.label(), body));
      }
      case Type.Box b -> {
        Type body = rewrite(b.body());
        yield body instanceof Type.True
            ? TRUE
            : same(b.body(), body, b, new Type.Box(b.label(), body));
      }
      case Type.Mu m -> {
        Type body = rewrite(m.body());
        yield constant(body) ? body : same(m.body(), body, m, new Type.Mu(m.variable(), body));
      }
      case Type.Nu n -> {
        Type body = rewrite(n.body());
        yield constant(body) ? body : same(n.body(), body, n, new Type.Nu(n.variable(), body));
      }
      case Type.Sugared s -> sugared(s);
      case Type.Sugar x ->
          throw new IllegalArgumentException("pruning needs a core type, found sugar " + x);
    };
  }

  /**
   * A sugar over rewritten operands: folded when an operand became a constant that settles it,
   * otherwise expanded again, so that the tag the checker reads ({@code eventually} is checked on
   * the fly) survives the rewrite.
   */
  private Type sugared(Type.Sugared s) {
    return switch (s.sugar()) {
      case Type.Contains c -> {
        Type op = rewrite(c.operand());
        yield op instanceof Type.False ? FALSE : rebuilt(s, c.operand(), op, new Type.Contains(op));
      }
      case Type.Eventually e -> {
        Type op = rewrite(e.operand());
        yield constant(op) ? op : rebuilt(s, e.operand(), op, new Type.Eventually(op));
      }
      case Type.Always a -> {
        Type op = rewrite(a.operand());
        yield constant(op) ? op : rebuilt(s, a.operand(), op, new Type.Always(op));
      }
      case Type.Inevitably i -> {
        Type op = rewrite(i.operand());
        yield constant(op) ? op : rebuilt(s, i.operand(), op, new Type.Inevitably(op));
      }
      case Type.Implies i -> {
        Type l = rewrite(i.left());
        Type r = rewrite(i.right());
        if (l instanceof Type.False || r instanceof Type.True) {
          yield TRUE;
        }
        if (l instanceof Type.True) {
          yield r;
        }
        if (r instanceof Type.False) {
          yield not(l);
        }
        yield l == i.left() && r == i.right()
            ? s
            : TypeExpander.expand(new Type.Implies(l, r), TypeLibrary.empty());
      }
      case Type.Deadlock d -> s;
      case Type.Terminated x -> s;
      case Type.Call c -> throw new IllegalStateException("a call is inlined, never tagged");
    };
  }

  private static Type rebuilt(Type.Sugared s, Type before, Type after, Type.Sugar sugar) {
    return before == after ? s : TypeExpander.expand(sugar, TypeLibrary.empty());
  }

  private static Type same(Type before, Type after, Type unchanged, Type changed) {
    return before == after ? unchanged : changed;
  }

  /**
   * No thread of a reachable state matches {@code s}: a private name or a URI (the translation has
   * none), or a public name that is no species in the closure, or a payload that the one {@code
   * true} of a presence message cannot match.
   */
  private boolean never(Type.Send s) {
    return switch (s.channel()) {
      case NamePattern.PrivateName p -> true;
      case NamePattern.UriName u -> true;
      case NamePattern.StringName n ->
          !isGlob(n.glob())
              && (!reachable.contains(n.glob()) || !payloadMayBeTrue(s.args(), s.open()));
      case NamePattern.QuoteName q -> false;
      case NamePattern.AnyName a -> false;
    };
  }

  private static boolean payloadMayBeTrue(List<PayloadPattern> args, boolean open) {
    if (args.size() > 1 || (args.isEmpty() && !open)) {
      return false;
    }
    return args.isEmpty()
        || switch (args.get(0)) {
          case PayloadPattern.Equal e -> e.value() instanceof Literal.BoolValue b && b.value();
          // an ordering comparison holds only for an integer or a string; != may hold of true
          case PayloadPattern.Compare c -> true;
          case PayloadPattern.AnyPayload a -> true;
          case PayloadPattern.Typed x -> true;
        };
  }

  private static boolean acceptsTrue(PayloadPattern p) {
    return switch (p) {
      case PayloadPattern.AnyPayload a -> true;
      case PayloadPattern.Equal e -> e.value() instanceof Literal.BoolValue b && b.value();
      case PayloadPattern.Compare c -> false;
      case PayloadPattern.Typed x -> false;
    };
  }

  private static boolean isGlob(String glob) {
    return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
  }

  private static boolean constant(Type t) {
    return t instanceof Type.True || t instanceof Type.False;
  }

  private static Type not(Type t) {
    if (t instanceof Type.True) {
      return FALSE;
    }
    return t instanceof Type.False ? TRUE : new Type.Not(t);
  }

  private static Type and(Type l, Type r) {
    if (l instanceof Type.False || r instanceof Type.False) {
      return FALSE;
    }
    if (l instanceof Type.True) {
      return r;
    }
    return r instanceof Type.True ? l : new Type.And(l, r);
  }

  private static Type or(Type l, Type r) {
    if (l instanceof Type.True || r instanceof Type.True) {
      return TRUE;
    }
    if (l instanceof Type.False) {
      return r;
    }
    return r instanceof Type.False ? l : new Type.Or(l, r);
  }

  private static Type par(Type l, Type r) {
    return l instanceof Type.False || r instanceof Type.False ? FALSE : new Type.Par(l, r);
  }
}
