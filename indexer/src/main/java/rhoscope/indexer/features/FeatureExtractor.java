package rhoscope.indexer.features;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import rhoscope.engine.ChannelKind;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Engine;
import rhoscope.engine.Environment;
import rhoscope.engine.Program;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.ThreadView;
import rhoscope.engine.analysis.StaticAnalysis;
import rhoscope.engine.explore.Edge;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.StateGraph;
import rhoscope.indexer.sbml.PresenceClosure;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.diag.LangException;

/**
 * Extracts a process's features: the static analysis of its tree, and a bounded exploration of its
 * state space. The exploration records the state graph (the sequential explorer, every transition,
 * no reduction) so that the sets it reports are exact when it completes.
 */
public final class FeatureExtractor {
  private FeatureExtractor() {}

  /** Features of a process, exploring at most {@code maxStates} states for {@code timeout}. */
  public static ProcessFeatures extract(ParsedProcess p, long maxStates, Duration timeout) {
    return extract(p, Optional.empty(), maxStates, timeout);
  }

  /**
   * Features of a process with the presence closure of the model it translates, if any: the
   * species outside it never carry a message, which the planner prunes on even where the
   * exploration is incomplete.
   */
  public static ProcessFeatures extract(
      ParsedProcess p, Optional<PresenceClosure> presence, long maxStates, Duration timeout) {
    return extract(p, presence, Environment.none(), maxStates, timeout);
  }

  /**
   * Features of a process as it runs on {@code environment}: with a genesis, the static analysis
   * is of the program beside the genesis state (read back as a process) and the exploration
   * starts from the genesis state, so that the features describe what a check on the genesis
   * explores and the planner prunes soundly for it.
   */
  public static ProcessFeatures extract(
      ParsedProcess p, Optional<PresenceClosure> presence, Environment environment,
      long maxStates, Duration timeout) {
    return new ProcessFeatures(
        StaticAnalysis.of(analysed(p, environment)),
        explore(p, environment, maxStates, timeout),
        never(presence));
  }

  /**
   * As {@link #extract(ParsedProcess, Optional, Environment, long, Duration)}, of {@code p}
   * compiled on {@code environment} already.
   */
  public static ProcessFeatures extract(
      ParsedProcess p,
      Program program,
      Optional<PresenceClosure> presence,
      Environment environment,
      long maxStates,
      Duration timeout) {
    return new ProcessFeatures(
        StaticAnalysis.of(analysed(p, environment)),
        explore(program, maxStates, timeout),
        never(presence));
  }

  private static Proc analysed(ParsedProcess p, Environment environment) {
    return environment.genesisProcess()
        .map(g -> Proc.Par.of(List.of(p.process(), g))).orElse(p.process());
  }

  private static TreeSet<String> never(Optional<PresenceClosure> presence) {
    TreeSet<String> never = new TreeSet<>();
    presence.ifPresent(
        c ->
            c.species().stream()
                .filter(s -> !c.reachable().contains(s))
                .forEach(s -> never.add(ChannelView.of(ChannelKind.STRING, s, 0).spelling())));
    return never;
  }

  static ExplorationFeatures explore(ParsedProcess p, long maxStates, Duration timeout) {
    return explore(p, Environment.none(), maxStates, timeout);
  }

  static ExplorationFeatures explore(
      ParsedProcess p, Environment environment, long maxStates, Duration timeout) {
    Program program;
    try {
      program = Engine.load(p, environment);
    } catch (LangException e) {
      return ExplorationFeatures.notExplored("not explored: " + e.getMessage());
    }
    return explore(program, maxStates, timeout);
  }

  private static ExplorationFeatures explore(Program program, long maxStates, Duration timeout) {
    ExploreResult r =
        Explorer.sequential(
            program,
            ExploreOptions.defaults()
                .withWorkers(1)
                .withMaxStates(maxStates)
                .withTimeout(timeout)
                .withRecordGraph(true));
    TreeSet<String> carried = new TreeSet<>();
    TreeSet<String> comm = new TreeSet<>();
    TreeSet<String> receive = new TreeSet<>();
    TreeSet<String> contract = new TreeSet<>();
    StateGraph g =
        r.graph().orElseThrow(() -> new IllegalStateException("no state graph recorded"));
    for (int i = 0; i < g.size(); i++) {
      StateView s = g.state(i);
      List<ThreadView> threads = s.threads();
      for (ThreadView t : threads) {
        switch (t) {
          case SendView send -> carried.add(send.channel().spelling());
          case ReceiveView rec -> {
            TreeSet<String> into =
                switch (rec.kind()) {
                  case LINEAR, PEEK -> receive;
                  case PERSISTENT -> contract;
                };
            rec.channels().forEach(c -> into.add(c.spelling()));
          }
        }
      }
      for (Edge e : g.successors(i)) {
        ChannelView fired = e.comm().channel();
        comm.add(fired.spelling());
        // A COMM is labelled with only the first bind's channel; a join also communicates on the others.
        for (ThreadView t : threads) {
          if (t instanceof ReceiveView rec
              && rec.channels().size() > 1
              && rec.channels().stream().anyMatch(c -> c.identity() == fired.identity())) {
            rec.channels().forEach(c -> comm.add(c.spelling()));
          }
        }
      }
    }
    String note = r.complete() ? "" : "exploration stopped early: " + r.stopReason();
    return new ExplorationFeatures(
        true,
        r.complete(),
        r.distinctStates(),
        r.transitions(),
        r.millis(),
        note,
        carried,
        comm,
        receive,
        contract,
        r.deadlockedStates() > 0,
        r.terminalStates() > 0);
  }
}
