package rhoscope.indexer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.Step;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Evidence;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.catalog.CachedVerdict;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.features.Labels;
import rhoscope.indexer.ingest.Loader;
import rhoscope.indexer.ingest.Semantics;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.LangException;

/**
 * Model checks stored processes. Compiled programs are kept in a small LRU keyed by content
 * fingerprint, so that repeated queries do not parse and compile the same survivors again.
 */
final class Verifier {
  /**
   * A program's machine interns every thread it meets, so a kept program re-checks faster but holds
   * memory in proportion to the states it has seen: keep only the recently used ones.
   */
  private static final int PROGRAMS_KEPT = 128;

  /** A verdict with its evidence, as stored in the cache and shown in results. */
  record Outcome(
      Verdict verdict, String reason, List<WitnessStep> witness, String finalState, long millis) {}

  private final Map<String, Program> programs =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Program> eldest) {
          return size() > PROGRAMS_KEPT;
        }
      };

  /** Forgets every compiled program. */
  void clear() {
    synchronized (programs) {
      programs.clear();
    }
  }

  Outcome check(ProcessRecord r, CheckPlan plan, CheckOptions options, Cancellation cancel) {
    long start = System.nanoTime();
    try {
      CheckResult c = plan.check(program(r), options, cancel);
      List<WitnessStep> witness = new ArrayList<>();
      String finalState = "";
      if (c.evidence().isPresent()) {
        Evidence e = c.evidence().get();
        for (Step s : e.steps()) {
          witness.add(new WitnessStep(Labels.of(s.channel()), s.message(), s.receiver()));
        }
        finalState = e.finalState();
      }
      return new Outcome(c.verdict(), c.reason(), witness, finalState, c.millis());
    } catch (LangException e) {
      return new Outcome(
          Verdict.UNKNOWN, "cannot check: " + e.getMessage(), List.of(), "", elapsed(start));
    } catch (RuntimeException e) {
      // One process the engine trips on must not sink a query over the whole database; its
      // answer is honestly unknown, with the failure as the reason.
      return new Outcome(
          Verdict.UNKNOWN,
          "the checker failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          List.of(),
          "",
          elapsed(start));
    }
  }

  private Program program(ProcessRecord r) {
    synchronized (programs) {
      Program p = programs.get(r.fingerprint());
      if (p != null) {
        return p;
      }
    }
    Program p = Engine.load(parse(r));
    synchronized (programs) {
      programs.put(r.fingerprint(), p);
    }
    return p;
  }

  private static ParsedProcess parse(ProcessRecord r) {
    SourceFile file = new SourceFile(java.nio.file.Path.of(r.path()), r.dataset(), r.format());
    return Loader.load(
            file,
            r.source(),
            r.format() == ProcessFormat.SBML
                ? Semantics.parse(r.semantics())
                : rhoscope.indexer.sbml.ImportOptions.defaults())
        .parsed();
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The cache's form of an outcome: witness steps one a line, fields tab-separated. */
  static CachedVerdict toCache(Outcome o) {
    StringBuilder sb = new StringBuilder();
    for (WitnessStep s : o.witness()) {
      sb.append(escape(s.channel()))
          .append('\t')
          .append(escape(s.message()))
          .append('\t')
          .append(escape(s.receiver()))
          .append('\n');
    }
    sb.append(escape(o.finalState()));
    return new CachedVerdict(o.verdict().name(), o.reason(), sb.toString(), o.millis());
  }

  static Outcome fromCache(CachedVerdict c) {
    String[] lines = c.witness().split("\n", -1);
    List<WitnessStep> steps = new ArrayList<>();
    for (int i = 0; i < lines.length - 1; i++) {
      String[] f = lines[i].split("\t", -1);
      steps.add(new WitnessStep(unescape(f[0]), unescape(f[1]), unescape(f[2])));
    }
    return new Outcome(
        Verdict.valueOf(c.verdict()),
        c.reason(),
        steps,
        unescape(lines[lines.length - 1]),
        c.millis());
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
