package rhoscope.engine.reduce;

import rhoscope.engine.state.Canon;
import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rhoscope.engine.state.Term.InBind;

/**
 * Unfolds a closed process into threads: runs {@code new}, {@code match}, {@code if},
 * {@code let} and {@code *x}, evaluates the arguments of sends and the channels of
 * receives. A thread whose evaluation fails is dropped (it is stuck for ever).
 *
 * <p>Fresh names: the initial unfolding numbers each identifier from 0; later unfoldings
 * number from {@link #TEMP_BASE}, above every canonical number, and {@link Canon} then
 * renumbers the whole state. Numbering is deterministic, so COMM results can be memoised.
 */
final class Runner {
  static final int TEMP_BASE = 1 << 24;

  private final Map<String, Integer> counters = new HashMap<>();
  private final int base;

  private Runner(int base) {
    this.base = base;
  }

  static Runner initial() {
    return new Runner(0);
  }

  static Runner step() {
    return new Runner(TEMP_BASE);
  }

  List<Term> run(Term t) {
    List<Term> out = new ArrayList<>();
    run(t, out);
    return out;
  }

  private void run(Term t, List<Term> out) {
    try {
      unfold(t, out);
    } catch (EvalError e) {
      // the thread is stuck: it never reduces, so it leaves no trace in the state
    }
  }

  private void unfold(Term t, List<Term> out) {
    switch (t) {
      case Term.Nil n -> { }
      case Term.Par p -> {
        for (Term part : p.parts()) {
          run(part, out);
        }
      }
      case Term.New n -> {
        Term[] names = new Term[n.names().size()];
        for (int i = 0; i < names.length; i++) {
          Term.NewName nn = n.names().get(i);
          names[i] = nn.uri().isPresent()
              ? new Term.Quote(new Term.UriV(nn.uri().get()))
              : fresh(nn.ident());
        }
        run(Terms.instantiate(n.body(), names), out);
      }
      case Term.Send s -> out.add(new Term.Send(
          channel(s.channel()), Evaluator.evalAll(s.args()), s.persistent()));
      case Term.Input i -> out.add(new Term.Input(
          i.kind(), binds(i.binds()), i.frame(), i.body(), i.contract()));
      case Term.Choice c -> {
        List<Term.Branch> bs = new ArrayList<>();
        for (Term.Branch b : c.branches()) {
          bs.add(new Term.Branch(binds(b.binds()), b.frame(), b.body()));
        }
        out.add(new Term.Choice(List.copyOf(bs)));
      }
      case Term.Match m -> {
        Term v = Evaluator.eval(m.target());
        for (Term.MatchCase c : m.cases()) {
          Term[] b = new Term[c.frame()];
          if (Matcher.proc(c.pattern(), v, b)) {
            run(Terms.instantiate(c.body(), b), out);
            return;
          }
        }
      }
      case Term.If i -> run(Evaluator.bool(Evaluator.eval(i.condition())) ? i.then() : i.otherwise(),
          out);
      case Term.Let l -> {
        Term[] b = new Term[l.frame()];
        for (Term.LetDecl d : l.decls()) {
          if (!Matcher.args(d.patterns(), d.rest(), Evaluator.evalAll(d.values()), b)) {
            throw new EvalError("let pattern does not match");
          }
        }
        run(Terms.instantiate(l.body(), b), out);
      }
      case Term.Eval e -> {
        // *x of a private name names no process: inert
      }
      default -> Evaluator.eval(t); // ground data as a process: inert, but errors still count
    }
  }

  private Term.Priv fresh(String ident) {
    int k = counters.merge(ident, 1, Integer::sum) - 1;
    return new Term.Priv(ident, base + k);
  }

  private static Term channel(Term name) {
    return name instanceof Term.Quote q ? Terms.quote(Evaluator.eval(q.proc())) : name;
  }

  private static List<InBind> binds(List<InBind> binds) {
    List<InBind> out = new ArrayList<>(binds.size());
    for (InBind b : binds) {
      out.add(new InBind(channel(b.channel()), b.patterns(), b.rest()));
    }
    return List.copyOf(out);
  }

}
