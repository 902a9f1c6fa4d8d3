package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.RholangCorpus;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.lang.ParsedType;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/**
 * The partial-order reduction on RChain's own contracts (the shared corpus), against the full
 * exploration as the independent computation: for every contract whose whole state space fits
 * the bound, the reduced exploration finds the same deadlocked and terminated states, counts the
 * same states sequentially and with 2 or 4 workers, and the checker's verdicts with the reduction
 * are those without it.
 */
class CorpusPartialOrderTest {
  private static final long BOUND = 20_000;
  private static final List<String> TYPES = List.of("deadlock_free", "can_terminate",
      "eventually deadlock", "always not terminated");

  @Test
  void reducedExplorationsAndVerdictsAgreeWithTheFullOnesOnEveryContractThatFits()
      throws IOException {
    List<Path> files = RholangCorpus.files();
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    int smaller = 0;
    for (Path f : files) {
      Program program;
      try {
        program = Engine.load(
            ProcessParser.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
      } catch (LangException e) {
        continue; // refused with its place: CorpusExplorationTest's concern
      }
      ExploreOptions options = ExploreOptions.defaults().withMaxStates(BOUND)
          .withTimeout(Duration.ofMinutes(2)).withWorkers(2);
      ExploreResult full = Explorer.explore(program, options);
      if (!full.complete()) {
        continue;
      }
      compared++;
      ExploreOptions reducedOptions = options.withReduction(PartialOrder.stuckStates());
      ExploreResult reduced = Explorer.explore(program, reducedOptions);
      if (reduced.distinctStates() < full.distinctStates()) {
        smaller++;
      }
      if (reduced.deadlockedStates() != full.deadlockedStates()
          || reduced.terminalStates() != full.terminalStates()) {
        disagreements.add(f + ": stuck states " + reduced + " reduced, " + full + " full");
      }
      for (ExploreResult other : List.of(Explorer.sequential(program, reducedOptions),
          Explorer.explore(program, reducedOptions.withWorkers(4)))) {
        if (other.distinctStates() != reduced.distinctStates()) {
          disagreements.add(f + ": reduced counts " + other.distinctStates() + " and "
              + reduced.distinctStates() + " for other numbers of workers");
        }
      }
      CheckOptions check = CheckOptions.defaults().withMaxStates(BOUND)
          .withTimeout(Duration.ofMinutes(2));
      for (String type : TYPES) {
        ParsedType parsed = TypeParser.parse("<type>", type);
        CheckResult exact = ModelChecker.check(program, parsed, check.withPartialOrder(false));
        CheckResult withReduction = ModelChecker.check(program, parsed, check);
        if (withReduction.verdict() != exact.verdict()) {
          disagreements.add(f + ": " + type + " is " + withReduction.verdict() + " with "
              + withReduction.reduction() + ", " + exact.verdict() + " without");
        }
      }
    }
    assertThat(compared).as("contracts whose full state space fits %d states", BOUND)
        .isGreaterThanOrEqualTo(50);
    // most of RChain's contracts are a handful of states; 8 of the 71 that fit are reduced
    assertThat(smaller).as("contracts the reduction explores fewer states of")
        .isGreaterThanOrEqualTo(5);
    assertThat(disagreements).isEmpty();
  }
}
