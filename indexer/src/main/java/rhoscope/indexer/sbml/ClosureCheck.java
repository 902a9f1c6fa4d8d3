package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Program;
import rhoscope.engine.Trace;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Method;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.ast.type.Type;

/**
 * Checks a process, using the presence closure of a boolean SBML model where it has one.
 *
 * <p>Under boolean semantics every species has exactly one token (its presence message or its
 * absence token), a reaction can fire whenever its required species are present, and one of its
 * joins keeps every consumed reactant present while making its absent products present. So
 * presence can always be kept while it grows: the species present in some reachable state are
 * exactly the closure's, and the state where all of them are present is itself reachable.
 * Hence:
 *
 * <ul>
 *   <li>a {@link PresenceQuery} (some reachable state has these species present together) is
 *       decided exactly by the closure, with a witness built from its firings ({@link
 *       ClosureTrace});
 *   <li>any other type is first rewritten with what the closure proves ({@link PresencePruning}):
 *       when that settles it, or leaves a presence query, the closure answers; otherwise the
 *       engine explores, for the rewritten type.
 * </ul>
 *
 * Rules, events and overrides do not break this: the translation fixes a species set by a rule
 * (it is read, never changed), drops events (with a warning), and applies overrides to the initial
 * state, and the closure is computed from that same network and initial state.
 */
public final class ClosureCheck {
  private ClosureCheck() {}

  /**
   * Checks {@code program}, the translation that {@code presence} was computed with (empty for a
   * process without one: Rholang, counts or qual semantics); the result says which method
   * answered.
   */
  public static CheckResult check(
      Optional<PresenceClosure> presence,
      Program program,
      CheckPlan plan,
      CheckOptions options,
      Cancellation cancel) {
    if (presence.isEmpty()) {
      return plan.check(program, options, cancel);
    }
    long start = System.nanoTime();
    PresenceClosure closure = presence.get();
    Optional<PresenceQuery> asked = PresenceQuery.of(plan.core());
    Type pruned = PresencePruning.prune(plan.core(), closure);
    Optional<PresenceQuery> query = asked.isPresent() ? asked : PresenceQuery.of(pruned);
    Optional<CheckResult> decided =
        query.isPresent()
            ? decide(program, closure, query.get(), start)
            : constant(closure, plan.core(), pruned, start);
    if (decided.isPresent()) {
      return decided.get();
    }
    return pruned.equals(plan.core())
        ? plan.check(program, options, cancel)
        : CheckPlan.compile(pruned).check(program, options, cancel);
  }

  private static Optional<CheckResult> decide(
      Program program, PresenceClosure closure, PresenceQuery query, long start) {
    TreeSet<String> never = new TreeSet<>(query.targets());
    never.removeAll(closure.reachable());
    Optional<Trace> witness = Optional.empty();
    String reason;
    if (never.isEmpty()) {
      List<PresenceClosure.Firing> firings = closure.witness(query.targets()).orElseThrow();
      witness = ClosureTrace.of(program, closure, firings);
      if (witness.isEmpty()) {
        return Optional.empty();
      }
      reason =
          (query.targets().size() == 1 ? "the species can" : "the species can together")
              + " become present: the presence closure reaches "
              + (query.targets().isEmpty()
                  ? "the initial state"
                  : String.join(", ", new TreeSet<>(query.targets())))
              + " by "
              + firings.size()
              + (firings.size() == 1 ? " firing" : " firings")
              + " (witness)";
    } else {
      reason = unreachable(never, closure);
    }
    boolean reachable = never.isEmpty();
    Verdict base = reachable == query.eventually() ? Verdict.YES : Verdict.NO;
    return Optional.of(
        result(
            query.positive() ? base : flip(base),
            witness,
            witness.map(t -> t.steps().size() + 1L).orElse(0L),
            reason,
            start));
  }

  /** A type the rewrite folded to {@code true} or {@code false}: the initial state says. */
  private static Optional<CheckResult> constant(
      PresenceClosure closure, Type core, Type pruned, long start) {
    if (!(pruned instanceof Type.True) && !(pruned instanceof Type.False)) {
      return Optional.empty();
    }
    TreeSet<String> never = new TreeSet<>(PresencePruning.named(core));
    never.removeAll(closure.reachable());
    String reason =
        never.isEmpty()
            ? "settled by the presence closure, without exploring"
            : unreachable(never, closure);
    return Optional.of(
        result(
            pruned instanceof Type.True ? Verdict.YES : Verdict.NO,
            Optional.empty(),
            0,
            reason,
            start));
  }

  /** Why the named public names never carry a message: not a species, or never made present. */
  private static String unreachable(TreeSet<String> never, PresenceClosure closure) {
    TreeSet<String> strangers = new TreeSet<>(never);
    strangers.removeAll(closure.species());
    TreeSet<String> absent = new TreeSet<>(never);
    absent.removeAll(strangers);
    StringBuilder why = new StringBuilder();
    if (!absent.isEmpty()) {
      why.append(String.join(", ", absent))
          .append(absent.size() == 1 ? " can" : " can each")
          .append(" never become present: no sequence of reactions makes ")
          .append(absent.size() == 1 ? "it" : "them")
          .append(" present (the presence closure holds ")
          .append(closure.reachable().size())
          .append(" of ")
          .append(closure.species().size())
          .append(" species)");
    }
    if (!strangers.isEmpty()) {
      why.append(why.isEmpty() ? "" : "; ")
          .append(String.join(", ", strangers))
          .append(strangers.size() == 1 ? " is not a species" : " are not species")
          .append(" of the model, so no message is ever sent there");
    }
    return why.toString();
  }

  private static CheckResult result(
      Verdict verdict, Optional<Trace> witness, long states, String reason, long start) {
    // complete: the closure accounts for every reachable state, not only those on the witness
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CheckResult(verdict, witness, states, true, millis, reason, Method.CLOSURE);
  }

  private static Verdict flip(Verdict v) {
    return switch (v) {
      case YES -> Verdict.NO;
      case NO -> Verdict.YES;
      case UNKNOWN -> Verdict.UNKNOWN;
    };
  }
}
