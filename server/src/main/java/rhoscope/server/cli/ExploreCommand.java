package rhoscope.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.NameWarnings;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.server.backend.WireRecords;
import rhoscope.server.wire.WireJson;

/** {@code rhoscope explore FILE}: explores a process's state space and reports its figures. */
@Command(
    name = "explore",
    description = "Explore the state space of a process (Rholang or SBML) in parallel.")
final class ExploreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .rho or SBML file.")
  Path file;

  @Mixin ProcessInput input;

  @Mixin Bounds bounds;

  @Mixin GenesisOption genesis;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Option(
      names = "--por",
      description = "Explore a partial-order reduction: every deadlocked and terminal state is"
          + " still found and counted; states and transitions are those of the reduced graph.")
  boolean por;

  @Override
  public Integer call() {
    bounds.validate();
    Program program = Engine.load(input.load(file).parsed(), genesis.environment());
    ExploreOptions options =
        ExploreOptions.defaults()
            .withWorkers(bounds.workersOrDefault())
            .withMaxStates(bounds.maxStates)
            .withTimeout(bounds.timeout());
    if (bounds.maxDepth != null) {
      options = options.withMaxDepth(bounds.maxDepth);
    }
    if (por) {
      options = options.withReduction(PartialOrder.stuckStates());
    }
    ExploreResult r = Explorer.explore(program, options);
    var err = spec.commandLine().getErr();
    NameWarnings.systemNames(program.source().process()).forEach(w -> err.println("warning: " + w));
    err.flush();
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(WireJson.pretty(
          WireRecords.explore(file.toString(), r, bounds.workersOrDefault(), por)));
    } else {
      out.printf(
          "%s: %,d states, %,d transitions, %,d deadlocked, %,d terminal, max depth %d%n",
          file, r.distinctStates(), r.transitions(), r.deadlockedStates(), r.terminalStates(),
          r.maxDepth());
      out.printf(
          "%s in %,d ms with %d worker(s)%s%n",
          r.complete() ? "complete" : "INCOMPLETE (" + r.stopReason().name().toLowerCase() + ")",
          r.millis(), bounds.workersOrDefault(), por ? ", partial-order reduction" : "");
    }
    out.flush();
    return 0;
  }
}
