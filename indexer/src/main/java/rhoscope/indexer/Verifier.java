package rhoscope.indexer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Environment;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.Method;
import rhoscope.engine.check.Reduction;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.open.OpenSystem;
import rhoscope.indexer.catalog.CachedVerdict;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.TraceCodec;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.indexer.ingest.Loader;
import rhoscope.indexer.ingest.Semantics;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.indexer.sbml.ClosureCheck;
import rhoscope.indexer.sbml.PresenceClosure;
import rhoscope.indexer.sbml.Pathway;
import rhoscope.indexer.sbml.SpeciesNames;
import rhoscope.lang.diag.LangException;

/**
 * Model checks stored processes, through {@link ClosureCheck} so that a boolean SBML model is
 * answered from its presence closure where that decides. Compiled programs (with their closures)
 * are kept in a small LRU keyed by content fingerprint and the most-general client they run
 * beside, so that repeated queries do not parse and compile the same survivors again.
 */
final class Verifier {
  /**
   * A program's machine interns every thread it meets, so a kept program re-checks faster but holds
   * memory in proportion to the states it has seen: keep only the recently used ones.
   */
  private static final int PROGRAMS_KEPT = 128;

  private final Map<String, Compiled> programs =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
          return size() > PROGRAMS_KEPT;
        }
      };

  /**
   * A stored process compiled; for an SBML model, with its reading in its own terms and (under
   * boolean semantics) its presence closure.
   */
  private record Compiled(
      Program program, Optional<PresenceClosure> presence, Optional<Pathway> pathway) {}

  /** Forgets every compiled program. */
  void clear() {
    synchronized (programs) {
      programs.clear();
    }
  }

  /** How a check ended. */
  enum End {
    /** Yes or no. */
    ANSWERED,
    /** Unknown: the state, depth, memory or value bound was reached. */
    BOUND,
    /** Unknown: the time bound ran out. */
    TIME,
    /** Unknown: the check's token was cancelled. */
    CANCELLED,
    /** Unknown: the process cannot be checked, or the checker failed on it. */
    FAILED
  }

  /** A check's answer, and how the check ended. */
  record Checked(ProcessVerdict verdict, End end) {}

  /**
   * Checks {@code r}; a process the engine cannot load or trips on is answered unknown. An unknown
   * verdict's reason names the bound and the states explored ({@link UnknownReason}).
   */
  Checked check(ProcessRecord r, CheckPlan plan, OpenSystem open, Environment environment,
      CheckOptions options, Cancellation cancel) {
    long start = System.nanoTime();
    try {
      Compiled compiled = compiled(r, open, environment);
      Program program = compiled.program();
      // Each model answers for the species it has: names it lacks match nothing in it.
      CheckPlan own = compiled.pathway().map(p -> SpeciesNames.lenient(p, plan)).orElse(plan);
      CheckResult c = ClosureCheck.check(compiled.presence(), program, own, options, cancel);
      // Replayed once here: the answer carries the states to the wire, and the final one is
      // printed so that a cached answer shows it without replay.
      List<StateView> replayed = c.witness().map(program::replay).orElse(List.of());
      String finalState = replayed.isEmpty() ? "" : replayed.getLast().print();
      return new Checked(
          new ProcessVerdict(r.id(), r.name(), r.dataset(), r.format(), c.verdict(),
              UnknownReason.of(c, options), c.witness(), finalState, replayed, c.millis(),
              c.method(), false, c.reduction()),
          end(c));
    } catch (LangException e) {
      return new Checked(unknown(r, "cannot check: " + e.getMessage(), start), End.FAILED);
    } catch (RuntimeException e) {
      // One process the engine trips on must not sink a query over the whole database; its
      // answer is honestly unknown, with the failure as the reason.
      return new Checked(
          unknown(r, "the checker failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              start),
          End.FAILED);
    }
  }

  private static End end(CheckResult c) {
    if (c.verdict() != Verdict.UNKNOWN) {
      return End.ANSWERED;
    }
    if (c.reason().equals(ModelChecker.CANCELLED)) {
      return End.CANCELLED;
    }
    return switch (UnknownReason.boundNamedIn(c.reason())) {
      case TIMEOUT -> End.TIME;
      case MAX_STATES, MAX_DEPTH, MEMORY, VALUE_TOO_LARGE -> End.BOUND;
      case CANCELLED -> End.CANCELLED;
      // an unknown that names no bound: not one to keep
      case COMPLETE, STOP_PREDICATE -> End.FAILED;
    };
  }

  /** A candidate the query never started: unknown, with why. */
  static ProcessVerdict notChecked(ProcessRecord r, String reason) {
    return verdict(r, Verdict.UNKNOWN, reason, Optional.empty(), "", 0, Method.EXPLORE, false,
        Reduction.NONE);
  }

  /** The compiled program of {@code r}, from the kept ones when it was compiled recently. */
  Program program(ProcessRecord r, OpenSystem open, Environment environment) {
    return compiled(r, open, environment).program();
  }

  /** For an SBML model, its species and reactions in its own terms, to read a witness with. */
  Optional<Pathway> pathway(ProcessRecord r) {
    return compiled(r, OpenSystem.closed(), Environment.none()).pathway();
  }

  private Compiled compiled(ProcessRecord r, OpenSystem open, Environment environment) {
    String key = r.fingerprint() + " " + open.key() + " " + environment.key();
    synchronized (programs) {
      Compiled c = programs.get(key);
      if (c != null) {
        return c;
      }
    }
    LoadedProcess loaded = load(r);
    Compiled c =
        new Compiled(Engine.load(loaded.parsed(), environment, open), loaded.presence(), loaded.pathway());
    synchronized (programs) {
      programs.put(key, c);
    }
    return c;
  }

  private static LoadedProcess load(ProcessRecord r) {
    SourceFile file = new SourceFile(java.nio.file.Path.of(r.path()), r.dataset(), r.format());
    return Loader.load(
        file,
        r.source(),
        r.format() == ProcessFormat.SBML
            ? Semantics.parse(r.semantics())
            : rhoscope.indexer.sbml.ImportOptions.defaults());
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static ProcessVerdict unknown(ProcessRecord r, String reason, long start) {
    return verdict(
        r, Verdict.UNKNOWN, reason, Optional.empty(), "", elapsed(start), Method.EXPLORE, false,
        Reduction.NONE);
  }

  /** The stored process's identity with an answer for it, whose witness was not replayed. */
  private static ProcessVerdict verdict(ProcessRecord r, Verdict verdict, String reason,
      Optional<Trace> witness, String finalState, long millis, Method method, boolean cached,
      Reduction reduction) {
    return new ProcessVerdict(r.id(), r.name(), r.dataset(), r.format(), verdict, reason, witness,
        finalState, List.of(), millis, method, cached, reduction);
  }

  /** The cache's form of a verdict, its witness in the {@link TraceCodec} format. */
  static CachedVerdict toCache(ProcessVerdict v) {
    return new CachedVerdict(
        v.verdict().name(),
        v.reason(),
        TraceCodec.encode(v.witness(), v.finalState()),
        v.millis(),
        v.method().name(),
        v.reduction().name());
  }

  /**
   * The verdict a cache row keeps for {@code r}, or empty when its witness is not in the current
   * format (a row written by an earlier release): such a verdict is computed again.
   */
  static Optional<ProcessVerdict> fromCache(ProcessRecord r, CachedVerdict c) {
    return TraceCodec.decode(c.witness())
        .map(d -> verdict(r, Verdict.valueOf(c.verdict()), c.reason(), d.trace(), d.finalState(),
            c.millis(), Method.valueOf(c.method()), true, Reduction.valueOf(c.reduction())));
  }
}
