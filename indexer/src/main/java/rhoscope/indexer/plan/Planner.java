package rhoscope.indexer.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import rhoscope.indexer.lucene.Fields;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;

/**
 * Derives from a core type a necessary condition on the indexed features: a process for which the
 * condition fails cannot satisfy the type, so it need not be model checked.
 *
 * <p>The planner computes {@code reach(T)}: a condition true of every process with some reachable
 * state (the initial one included) satisfying T. Every feature it tests is a fact about the whole
 * reachable state space, so the conditions of the atoms compose: a state that splits as {@code T |
 * U} contains both parts' threads; a {@code <n>} step is a COMM on n and leads to another reachable
 * state. Exploration features count only when the exploration at ingest was complete; otherwise the
 * condition falls back to the static ones, which hold of any run. Names proved never to carry a
 * message (the presence closure of a boolean SBML model) prune whatever exploration reached.
 * Whatever it cannot reason about
 * ({@code not} on an atom, {@code [n]T} in general, quoted-process name patterns) it leaves
 * unconstrained: when unsure, never prune.
 */
public final class Planner {
  /** Iterations of a least fixpoint before giving up on it (and not pruning). */
  private static final int MAX_FIXPOINT_ROUNDS = 8;

  private Planner() {}

  /** The plan of a core type ({@code ParsedType.core()}). */
  public static Plan plan(Type core) {
    Condition c = reach(Nnf.of(core), true, Map.of());
    return new Plan(c, query(c));
  }

  /**
   * @param whole whether {@code t} is evaluated on a whole reachable state (as opposed to one part
   *     of a spatial split, where "no step possible" says nothing about the state)
   */
  private static Condition reach(Type t, boolean whole, Map<String, Condition> env) {
    return switch (t) {
      case Type.True x -> Condition.ALWAYS;
      case Type.False x -> Condition.NEVER;
      case Type.Nil x -> Condition.ALWAYS;
      case Type.Not x -> Condition.ALWAYS;
      case Type.Eval x -> Condition.ALWAYS;
      case Type.And a -> conjunction(a, whole, env);
      case Type.Or o -> Condition.or(reach(o.left(), whole, env), reach(o.right(), whole, env));
      case Type.Par p -> Condition.and(reach(p.left(), false, env), reach(p.right(), false, env));
      case Type.Send s ->
          Condition.and(
              nameExists(s.channel()),
              explored(Fields.CARRIED, s.channel()),
              mayCarry(s.channel()));
      case Type.Receive r ->
          Condition.and(
              linearReceive(),
              nameExists(r.channel()),
              explored(Fields.RECEIVE_REACHABLE, r.channel()));
      case Type.Contract c ->
          Condition.and(nameExists(c.channel()), explored(Fields.CONTRACT_REACHABLE, c.channel()));
      case Type.Race r ->
          Condition.and(
              linearReceive(), nameExists(r.channel()), explored(Fields.COMM, r.channel()));
      case Type.Diamond d -> Condition.and(communicates(d.label()), reach(d.body(), whole, env));
      case Type.Box b ->
          whole && b.label().isEmpty() && b.body() instanceof Type.False
              ? stuckReachable()
              : Condition.ALWAYS;
      case Type.Mu m -> leastFixpoint(m, whole, env);
      case Type.Nu n -> {
        Map<String, Condition> inner = new HashMap<>(env);
        inner.put(n.variable(), Condition.ALWAYS);
        yield reach(n.body(), whole, inner);
      }
      case Type.Var v -> env.getOrDefault(v.name(), Condition.ALWAYS);
      case Type.Sugared s -> sugared(s, whole, env);
      case Type.Sugar x -> throw sugar(x);
    };
  }

  /** The sugars with features of their own; the rest mean what their expansion means. */
  private static Condition sugared(Type.Sugared s, boolean whole, Map<String, Condition> env) {
    Condition expansion = reach(s.core(), whole, env);
    return switch (s.sugar()) {
      // The explorer counts exactly these states: no step, and a linear receive waits.
      case Type.Deadlock d ->
          whole
              ? Condition.and(
                  linearReceive(),
                  Condition.or(incomplete(), new Condition.Term(Fields.DEADLOCK, Fields.flag(true))))
              : expansion;
      // Likewise: no step, and no linear receive waits.
      case Type.Terminated t ->
          whole
              ? Condition.or(incomplete(), new Condition.Term(Fields.TERMINAL, Fields.flag(true)))
              : expansion;
      case Type.Contains c -> expansion;
      case Type.Eventually e -> expansion;
      case Type.Always a -> expansion;
      case Type.Inevitably i -> expansion;
      case Type.Implies i -> expansion;
      case Type.Call c -> expansion;
    };
  }

  private static Condition conjunction(Type.And a, boolean whole, Map<String, Condition> env) {
    Type l = a.left();
    Type r = a.right();
    // <>A and []B: some successor exists and all satisfy B, so one satisfies both.
    if (l instanceof Type.Box box && r instanceof Type.Diamond dia) {
      return stepBoth(dia, box, whole, env);
    }
    if (l instanceof Type.Diamond dia && r instanceof Type.Box box) {
      return stepBoth(dia, box, whole, env);
    }
    return Condition.and(reach(l, whole, env), reach(r, whole, env));
  }

  private static Condition stepBoth(
      Type.Diamond dia, Type.Box box, boolean whole, Map<String, Condition> env) {
    Condition both = Condition.and(reach(dia.body(), whole, env), reach(box.body(), whole, env));
    return dia.label().isEmpty() && box.label().isEmpty()
        ? both
        : Condition.and(communicates(dia.label()), reach(dia.body(), whole, env));
  }

  /**
   * {@code mu X. F(X)} holds where some finite unfolding {@code F(F(...F(false)))} holds, so its
   * condition is the limit of {@code C0 = never, Ci+1 = reach(F)[X := Ci]}; conditions are
   * simplified, so the iteration settles quickly on the shapes the sugar produces.
   */
  private static Condition leastFixpoint(Type.Mu m, boolean whole, Map<String, Condition> env) {
    Condition c = Condition.NEVER;
    for (int round = 0; round < MAX_FIXPOINT_ROUNDS; round++) {
      Map<String, Condition> inner = new HashMap<>(env);
      inner.put(m.variable(), c);
      Condition next = reach(m.body(), whole, inner);
      if (next.equals(c)) {
        return c;
      }
      c = next;
    }
    return Condition.ALWAYS;
  }

  private static Condition communicates(Optional<NamePattern> label) {
    return label
        .map(n -> Condition.and(nameExists(n), explored(Fields.COMM, n)))
        .orElse(Condition.ALWAYS);
  }

  private static Condition linearReceive() {
    return new Condition.Term(Fields.LINEAR_RECEIVE, Fields.flag(true));
  }

  private static Condition incomplete() {
    return new Condition.Term(Fields.COMPLETE, Fields.flag(false));
  }

  private static Condition stuckReachable() {
    return Condition.or(
        incomplete(),
        new Condition.Term(Fields.DEADLOCK, Fields.flag(true)),
        new Condition.Term(Fields.TERMINAL, Fields.flag(true)));
  }

  /**
   * A name matching the pattern exists at run time only if the source wrote it: a public name or
   * URI literally (unless the process builds strings), a private name by its {@code new}.
   */
  private static Condition nameExists(NamePattern n) {
    return switch (n) {
      case NamePattern.StringName s ->
          Condition.or(computesStrings(), label(Fields.LITERAL, "\"", s.glob(), "\""));
      case NamePattern.UriName u ->
          Condition.or(computesStrings(), label(Fields.LITERAL, "`", u.glob(), "`"));
      case NamePattern.PrivateName p -> label(Fields.DECLARED, "", p.identifier(), "");
      case NamePattern.QuoteName q -> Condition.ALWAYS;
      case NamePattern.AnyName a -> Condition.ALWAYS;
    };
  }

  /** With a complete exploration, the channel must be among those it saw in {@code field}. */
  private static Condition explored(String field, NamePattern n) {
    Condition seen =
        switch (n) {
          case NamePattern.StringName s -> label(field, "\"", s.glob(), "\"");
          case NamePattern.UriName u -> label(field, "`", u.glob(), "`");
          case NamePattern.PrivateName p -> label(field, "", p.identifier(), "");
          case NamePattern.QuoteName q -> Condition.ALWAYS;
          case NamePattern.AnyName a -> Condition.ALWAYS;
        };
    return Condition.or(incomplete(), seen);
  }

  /**
   * The channel is not among those proved never to carry a message (a species outside the
   * presence closure of a boolean SBML model), whatever the exploration at ingest reached.
   */
  private static Condition mayCarry(NamePattern n) {
    if (n instanceof NamePattern.StringName s
        && s.glob().indexOf('*') < 0
        && s.glob().indexOf('?') < 0) {
      String label = "\"" + s.glob() + "\"";
      return label.length() > Fields.MAX_TERM_CHARS
          ? Condition.ALWAYS
          : new Condition.Lacks(Fields.NEVER_CARRIED, label);
    }
    return Condition.ALWAYS;
  }

  private static Condition computesStrings() {
    return new Condition.Term(Fields.COMPUTES_STRINGS, Fields.flag(true));
  }

  /**
   * A label condition: a term when the text has no glob characters, else a wildcard (which also
   * keeps documents with values too long to index whole).
   */
  private static Condition label(String field, String open, String text, String close) {
    boolean glob = text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    if (!glob) {
      String label = open + text + close;
      return label.length() > Fields.MAX_TERM_CHARS
          ? Condition.ALWAYS
          : new Condition.Term(field, label);
    }
    String pattern = open + text.replace("\\", "\\\\") + close;
    return Condition.or(
        new Condition.Wildcard(field, pattern),
        new Condition.Term(Fields.LONG_VALUE, Fields.flag(true)));
  }

  /** The Lucene query of a condition. */
  static Query query(Condition c) {
    return switch (c) {
      case Condition.Always a -> new MatchAllDocsQuery();
      case Condition.Never n -> new MatchNoDocsQuery("the type cannot hold");
      case Condition.Term t -> new TermQuery(new Term(t.field(), t.value()));
      case Condition.Lacks l ->
          new BooleanQuery.Builder()
              .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(l.field(), l.value())), BooleanClause.Occur.MUST_NOT)
              .build();
      case Condition.Wildcard w -> new WildcardQuery(new Term(w.field(), w.pattern()));
      case Condition.All all -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        all.parts().forEach(p -> b.add(query(p), BooleanClause.Occur.FILTER));
        yield b.build();
      }
      case Condition.Any any -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        any.parts().forEach(p -> b.add(query(p), BooleanClause.Occur.SHOULD));
        b.setMinimumNumberShouldMatch(1);
        yield b.build();
      }
    };
  }

  private static IllegalArgumentException sugar(Type t) {
    return new IllegalArgumentException(
        "the planner needs a core type (ParsedType.core()), found sugar "
            + t.getClass().getSimpleName());
  }
}
