package rhoscope.engine.reduce;

import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rhoscope.engine.state.Term.Bin;
import rhoscope.engine.state.Term.ListT;
import rhoscope.engine.state.Term.MapT;
import rhoscope.engine.state.Term.PType;
import rhoscope.engine.state.Term.PVar;
import rhoscope.engine.state.Term.PWild;
import rhoscope.engine.state.Term.Quote;
import rhoscope.engine.state.Term.Send;
import rhoscope.engine.state.Term.SetT;
import rhoscope.engine.state.Term.TupleT;
import rhoscope.engine.state.Term.Un;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.UnaryOp;

/**
 * Matches closed values against patterns, filling the slots of the binder's frame.
 * Set patterns need ground elements (only the remainder may bind); a process pattern with
 * binders inside a {@code Par} is not matched (it fails), documented in API.md.
 */
final class Matcher {
  private Matcher() {}

  /** Matches message arguments against a bind's name patterns and optional remainder. */
  static boolean args(List<Term> patterns, Optional<Term> rest, List<Term> args, Term[] b) {
    int n = patterns.size();
    if (rest.isEmpty() ? args.size() != n : args.size() < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!name(patterns.get(i), Terms.quote(args.get(i)), b)) {
        return false;
      }
    }
    if (rest.isPresent()) {
      return proc(rest.get(), new ListT(List.copyOf(args.subList(n, args.size())), Optional.empty()), b);
    }
    return true;
  }

  /** Matches a name (a {@link Quote} or a private name) against a name pattern. */
  static boolean name(Term pat, Term name, Term[] b) {
    return switch (pat) {
      case PVar v -> {
        b[v.slot()] = name;
        yield true;
      }
      case PWild w -> true;
      // @P against a name n: P against *n (for a private name, the process *n itself)
      case Quote q -> proc(q.proc(), name instanceof Quote nq ? nq.proc() : Terms.eval(name), b);
      default -> pat.equals(name);
    };
  }

  static boolean proc(Term pat, Term v, Term[] b) {
    return switch (pat) {
      case PVar p -> {
        b[p.slot()] = v;
        yield true;
      }
      case PWild w -> true;
      case PType t -> switch (t.kind()) {
        case BOOL -> v instanceof Term.BoolV;
        case INT -> v instanceof Term.IntV;
        case BIG_INT -> v instanceof Term.BigV;
        case STRING -> v instanceof Term.StrV;
        case URI -> v instanceof Term.UriV;
        case BYTE_ARRAY -> v instanceof Term.BytesV;
      };
      case Bin bin when bin.op() == BinaryOp.CONJ -> proc(bin.left(), v, b) && proc(bin.right(), v, b);
      case Bin bin when bin.op() == BinaryOp.DISJ -> proc(bin.left(), v, b) || proc(bin.right(), v, b);
      case Un u when u.op() == UnaryOp.PATTERN_NOT ->
          !proc(u.operand(), v, new Term[Math.max(b.length, slots(u.operand()))]);
      case ListT l -> v instanceof ListT lv && sequence(l.elements(), l.rest(), lv.elements(), b);
      case TupleT t -> v instanceof TupleT tv && t.elements().size() == tv.elements().size()
          && sequence(t.elements(), Optional.empty(), tv.elements(), b);
      case SetT s -> v instanceof SetT sv && set(s, sv, b);
      case MapT m -> v instanceof MapT mv && map(m, mv, b);
      case Send s -> v instanceof Send sv && s.persistent() == sv.persistent()
          && name(s.channel(), sv.channel(), b)
          && sequence(s.args(), Optional.empty(), sv.args(), b) && s.args().size() == sv.args().size();
      case Term.Eval e -> name(e.name(), Terms.quote(v), b);
      case Term.Input in when in.body() instanceof PWild -> v instanceof Term.Input iv
          && receive(in, iv, b);
      default -> !Terms.isPattern(pat) && pat.equals(v);
    };
  }

  /**
   * A receive pattern (see {@code Compiler.receivePattern}) against a receive: the same kind and
   * binds, each channel matching, formals alike as RChain normalises them ({@code x} and {@code
   * @x} are one binder; a wildcard only matches a wildcard), any body.
   */
  private static boolean receive(Term.Input pat, Term.Input v, Term[] b) {
    if (pat.kind() != v.kind() || pat.binds().size() != v.binds().size()) {
      return false;
    }
    for (int i = 0; i < pat.binds().size(); i++) {
      Term.InBind p = pat.binds().get(i);
      Term.InBind t = v.binds().get(i);
      if (t.rest().isPresent() || !formals(p.patterns()).equals(formals(t.patterns()))
          || !name(p.channel(), t.channel(), b)) {
        return false;
      }
    }
    return true;
  }

  private static List<Term> formals(List<Term> patterns) {
    return patterns.stream()
        .map(f -> f instanceof Quote q && q.proc() instanceof PVar pv ? pv : f).toList();
  }

  private static boolean sequence(List<Term> pats, Optional<Term> rest, List<Term> vs, Term[] b) {
    int n = pats.size();
    if (rest.isEmpty() ? vs.size() != n : vs.size() < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!proc(pats.get(i), vs.get(i), b)) {
        return false;
      }
    }
    return rest.isEmpty()
        || proc(rest.get(), new ListT(List.copyOf(vs.subList(n, vs.size())), Optional.empty()), b);
  }

  private static boolean set(SetT pat, SetT v, Term[] b) {
    List<Term> remaining = new ArrayList<>(v.elements());
    for (Term p : pat.elements()) {
      if (Terms.isPattern(p) || !remaining.remove(p)) {
        return false;
      }
    }
    if (pat.rest().isEmpty()) {
      return remaining.isEmpty();
    }
    return proc(pat.rest().get(), Terms.set(remaining, Optional.empty()), b);
  }

  private static boolean map(MapT pat, MapT v, Term[] b) {
    List<Term> keys = new ArrayList<>(v.keys());
    List<Term> values = new ArrayList<>(v.values());
    for (int i = 0; i < pat.keys().size(); i++) {
      int at = keys.indexOf(pat.keys().get(i));
      if (at < 0 || !proc(pat.values().get(i), values.get(at), b)) {
        return false;
      }
      keys.remove(at);
      values.remove(at);
    }
    if (pat.rest().isEmpty()) {
      return keys.isEmpty();
    }
    return proc(pat.rest().get(), Terms.map(keys, values, Optional.empty()), b);
  }

  /** How many frame slots a pattern fills (its largest slot + 1). */
  static int slots(Term pattern) {
    int[] max = {0};
    Terms.visit(pattern, t -> {
      if (t instanceof PVar p) {
        max[0] = Math.max(max[0], p.slot() + 1);
      }
    });
    return max[0];
  }
}
