package rhoscope.engine.check;

import java.util.BitSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.engine.explore.StopReason;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.Type;

/**
 * Decides {@code P : T} on the explored state graph of P.
 *
 * <p>{@code eventually P} and {@code always P} (possibly negated) with a fixpoint-free P are
 * checked on the fly: exploration stops at the first state that settles the answer, which is
 * also the evidence. Every other type is evaluated globally on the recorded graph
 * ({@link GlobalEvaluator}). Either way {@code unknown} comes only from a bound that left part of
 * the state space unexplored where it could change the answer.
 *
 * <p>On the fly, a partial-order reduction is explored where the type cannot tell the
 * interleavings apart ({@link Reductions} says which shapes: a target state that is stuck, such
 * as {@code deadlock}, or a spatial one that sees only some channels); the result says so
 * ({@link Reduction#POR}) and its count is of the reduced states.
 */
public final class ModelChecker {
  /** The reason of a check whose {@link Cancellation} token was cancelled. */
  public static final String CANCELLED = "cancelled";

  private ModelChecker() {}

  /** Compiles {@code process} and checks it; LangException if it cannot be compiled. */
  public static CheckResult check(ParsedProcess process, ParsedType type, CheckOptions options) {
    return check(Engine.load(process), type, options);
  }

  /** Compiles the type into a {@link CheckPlan} for this one check. */
  public static CheckResult check(Program program, ParsedType type, CheckOptions options) {
    return CheckPlan.compile(type).check(program, options);
  }

  /**
   * Checks a core type (see {@link rhoscope.lang.ast.type.TypeExpander}); to check many
   * processes against one type, compile a {@link CheckPlan} once instead.
   *
   * @throws rhoscope.lang.diag.LangException with {@code UNSUPPORTED} when a modality, fixpoint
   *     or {@code race} is an operand of {@code |}
   */
  public static CheckResult check(Program program, Type core, CheckOptions options) {
    return CheckPlan.compile(core).check(program, options);
  }

  /** The plan's check: on the fly for the shapes that allow it, globally otherwise. */
  static CheckResult run(
      Program program, CheckPlan given, CheckOptions options, Cancellation cancel) {
    CheckPlan plan = program.open().isOpen() ? given.forOpen() : given;
    Optional<Shape> shape = plan.shape();
    if (plan.onTheFly()) {
      return onTheFly(program, shape.get(), plan.observed(), options, cancel);
    }
    return global(program, plan.core(), shape, plan.observed(), options, cancel);
  }

  /** Always evaluates on the recorded graph; the oracle the on-the-fly path is tested against. */
  static CheckResult checkGlobally(Program program, Type core, CheckOptions options) {
    CheckPlan compiled = CheckPlan.compile(core);
    CheckPlan plan = program.open().isOpen() ? compiled.forOpen() : compiled;
    return global(program, plan.core(), plan.shape(), plan.observed(), options,
        Cancellation.NEVER);
  }

  /** {@code observed}: the type's private identifiers; other private names are told by place. */
  private static ExploreOptions explore(
      CheckOptions options, Set<String> observed, Cancellation cancel) {
    ExploreOptions explore = ExploreOptions.defaults()
        .withObserved(observed)
        .withWorkers(options.workers())
        .withMaxStates(options.maxStates())
        .withMaxDepth(options.maxDepth())
        .withTimeout(options.timeout())
        .withCancellation(cancel);
    return options.pool().map(explore::withPool).orElse(explore);
  }

  /** Nobody wants the answer any more: unknown, whatever the explored part would have said. */
  private static CheckResult cancelled(ExploreResult run, long start, Reduction reduction) {
    return new CheckResult(
        Verdict.UNKNOWN, Optional.empty(), run.distinctStates(), false, millisSince(start),
        CANCELLED, Method.EXPLORE, reduction);
  }

  private static CheckResult onTheFly(
      Program program, Shape shape, Set<String> observed, CheckOptions options,
      Cancellation cancel) {
    long start = System.nanoTime();
    LocalEvaluator local = new LocalEvaluator(program);
    Type body = shape.body();
    // eventually P stops at a P state (a witness); always P at a state violating P.
    Predicate<StateView> stop =
        shape.eventually() ? s -> local.holds(body, s) : s -> !local.holds(body, s);
    // the shapes a partial-order reduction keeps, and why, are listed in Reductions
    Optional<PartialOrder> order =
        options.partialOrder() ? Reductions.of(shape) : Optional.empty();
    ExploreOptions explore = explore(options, observed, cancel).withStopWhen(stop);
    explore = order.map(explore::withReduction).orElse(explore);
    Reduction reduction = order.isPresent() ? Reduction.POR : Reduction.NONE;
    ExploreResult run =
        options.workers() == 1
            ? Explorer.sequential(program, explore)
            : Explorer.explore(program, explore);
    if (run.stopReason() == StopReason.CANCELLED) {
      return cancelled(run, start, reduction);
    }
    Verdict verdict;
    String reason;
    Optional<Trace> witness = Optional.empty();
    if (run.stopReason() == StopReason.STOP_PREDICATE) {
      verdict = shape.eventually() ? Verdict.YES : Verdict.NO;
      witness = run.witness();
      reason = shape.eventually()
          ? "a reachable state has the type (witness)"
          : "a reachable state violates the invariant (counterexample)";
    } else if (run.complete()) {
      verdict = shape.eventually() ? Verdict.NO : Verdict.YES;
      reason = shape.eventually()
          ? "no reachable state has the type (" + run.distinctStates() + " states explored)"
          : "every reachable state satisfies the invariant (" + run.distinctStates() + " states)";
    } else {
      verdict = Verdict.UNKNOWN;
      reason = "bound reached (" + run.stopReason() + ") before the answer was known";
    }
    return new CheckResult(
        shape.positive() ? verdict : flip(verdict),
        witness,
        run.distinctStates(),
        run.complete(),
        millisSince(start),
        reason,
        Method.EXPLORE,
        reduction);
  }

  private static CheckResult global(
      Program program, Type core, Optional<Shape> shape, Set<String> observed,
      CheckOptions options, Cancellation cancel) {
    long start = System.nanoTime();
    ExploreResult run =
        Explorer.sequential(program, explore(options, observed, cancel).withRecordGraph(true));
    if (run.stopReason() == StopReason.CANCELLED) {
      return cancelled(run, start, Reduction.NONE);
    }
    GlobalEvaluator evaluator =
        new GlobalEvaluator(
            program,
            run.graph().orElseThrow(() -> new IllegalStateException("explorer recorded no graph")),
            run.complete(),
            start + options.timeout().toNanos(),
            cancel);
    GlobalEvaluator.Sets sets;
    try {
      sets = evaluator.eval(core);
    } catch (GlobalEvaluator.OutOfTime e) {
      return new CheckResult(
          Verdict.UNKNOWN, Optional.empty(), run.distinctStates(),
          run.complete() && !cancel.isCancelled(),
          millisSince(start), e.getMessage(), Method.EXPLORE);
    }
    int init = evaluator.initial();
    Verdict verdict =
        sets.lower().get(init) ? Verdict.YES : sets.upper().get(init) ? Verdict.UNKNOWN : Verdict.NO;
    Optional<Trace> witness = Optional.empty();
    if (shape.isPresent()) {
      Shape s = shape.get();
      GlobalEvaluator.Sets body = evaluator.eval(s.body());
      // A witness for the positive shape: a path to a body state (eventually, proven) or to a
      // state surely outside the body (always, refuted); negation keeps it and flips the verdict.
      boolean settled = (verdict == Verdict.YES) == s.positive();
      if (verdict != Verdict.UNKNOWN && settled == s.eventually()) {
        BitSet targets = s.eventually() ? body.lower() : evaluator.complement(body.upper());
        witness = evaluator.pathTo(targets);
      }
    }
    String reason = switch (verdict) {
      case YES -> "the initial state has the type (" + run.distinctStates() + " states)";
      case NO -> "the initial state does not have the type (" + run.distinctStates() + " states)";
      case UNKNOWN -> "bound reached (" + run.stopReason() + ") and the unexplored states decide";
    };
    return new CheckResult(
        verdict, witness, run.distinctStates(), run.complete(), millisSince(start), reason,
        Method.EXPLORE);
  }

  private static Verdict flip(Verdict v) {
    return switch (v) {
      case YES -> Verdict.NO;
      case NO -> Verdict.YES;
      case UNKNOWN -> Verdict.UNKNOWN;
    };
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
