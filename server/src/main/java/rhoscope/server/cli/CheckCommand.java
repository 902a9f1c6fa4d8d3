package rhoscope.server.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.indexer.sbml.ClosureCheck;
import rhoscope.server.backend.WireRecords;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.WireJson;

/** {@code rhoscope check FILE TYPE}: decides whether a process inhabits a type. */
@Command(
    name = "check",
    description = "Decide whether a process (Rholang or SBML) has a type; print the verdict and its witness.",
    exitCodeListHeading = "%nExit codes (by verdict, to gate a CI job):%n",
    exitCodeList = {
      "0:yes, the process has the type",
      "1:no, it does not",
      ExitCode.USAGE_LINE,
      "3:unknown, a bound was reached first (the reason names it)",
      ExitCode.BAD_INPUT_LINE
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .rho or SBML file.")
  Path file;

  @Parameters(index = "1", paramLabel = "TYPE", description = "A type, e.g. 'deadlock_free'.")
  String type;

  @Mixin ProcessInput input;

  @Mixin Bounds bounds;

  @Mixin GenesisOption genesis;
  @Mixin OpenOption open;

  @Option(names = "--json", description = "Print the verdict and witness as JSON.")
  boolean json;

  @Override
  public Integer call() {
    bounds.validate();
    LoadedProcess loaded = input.load(file);
    // a type may name an SBML model's species by name; one the model lacks fails here, at once
    CheckPlan plan = WireRecords.resolve(CheckPlan.parse("<type>", type), loaded);
    Program program = Engine.load(loaded.parsed(), genesis.environment(), open.system());
    CheckOptions options =
        CheckOptions.defaults()
            .withWorkers(bounds.workersOrDefault())
            .withMaxStates(bounds.maxStates)
            .withTimeout(bounds.timeout());
    if (bounds.maxDepth != null) {
      options = options.withMaxDepth(bounds.maxDepth);
    }
    CheckResult r =
        ClosureCheck.check(loaded.presence(), program, plan, options, Cancellation.NEVER);
    // The record POST /api/check writes; the text output reads its witness and warnings too.
    CheckAnswer answer = WireRecords.check(plan, loaded, program, r, options);
    var err = spec.commandLine().getErr();
    answer.warnings().forEach(w -> err.println("warning: " + w));
    Optional.ofNullable(answer.importWarnings())
        .ifPresent(ws -> ws.forEach(w -> err.println("import warning: " + w)));
    err.flush();
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(WireJson.pretty(answer));
    } else {
      out.printf(
          "%s: %s (method: %s%s, %s, %s, %,d ms)%n",
          file,
          r.verdict().name().toLowerCase(Locale.ROOT),
          answer.method().wireName(),
          Optional.ofNullable(answer.reduction()).map(x -> ", reduction: " + x).orElse(""),
          Plural.of(r.states(), "state"),
          coverage(r),
          r.millis());
      Optional.ofNullable(answer.reason()).ifPresent(why -> out.println("  " + why));
      Optional.ofNullable(answer.witness()).ifPresent(w -> WitnessText.print(out, "", w));
    }
    out.flush();
    return switch (r.verdict()) {
      case YES -> ExitCode.OK;
      case NO -> ExitCode.NO;
      case UNKNOWN -> ExitCode.UNKNOWN;
    };
  }

  /**
   * Early exit is the checker doing its job, not a weakness of the answer: say so, rather than
   * "incomplete", when the search stopped because it found its evidence.
   */
  private static String coverage(CheckResult r) {
    if (r.complete()) {
      return "complete";
    }
    return r.verdict() == Verdict.UNKNOWN ? "incomplete: a bound was reached" : "stopped early at the evidence";
  }
}
