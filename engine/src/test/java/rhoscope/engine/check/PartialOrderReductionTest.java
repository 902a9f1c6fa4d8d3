package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Program;
import rhoscope.engine.bench.PartialOrderBenchmark;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.lang.ParsedType;
import rhoscope.lang.parse.TypeParser;

/**
 * The checker explores a partial-order reduction where the type cannot tell interleavings apart,
 * and only there. Fourteen independent components of three steps each have 4^14 interleaved
 * states; the reduction answers with a few dozen.
 */
class PartialOrderReductionTest {
  private static final int COMPONENTS = 14;
  private static final CheckOptions OPTIONS =
      CheckOptions.defaults().withMaxStates(100_000).withTimeout(Duration.ofMinutes(2));

  private static CheckResult check(Program program, String type, CheckOptions options) {
    ParsedType parsed = TypeParser.parse("<type>", type);
    CheckResult result = ModelChecker.check(program, parsed, options);
    CheckFixtures.assertEvidenceReplays(program, parsed.core(), result);
    return result;
  }

  @Test
  void fourteenIndependentComponentsDeadlockAfterAFewDozenStates() {
    Program program = CheckFixtures.program(PartialOrderBenchmark.componentsSource(COMPONENTS));
    for (int workers : new int[] {1, 2}) {
      CheckResult r = check(program, "deadlock_free", OPTIONS.withWorkers(workers));
      assertThat(r.verdict()).isEqualTo(Verdict.NO);
      assertThat(r.reduction()).isEqualTo(Reduction.POR);
      assertThat(r.witness()).isPresent();
      assertThat(r.witness().get().steps()).hasSize(3 * COMPONENTS);
      assertThat(r.states()).as("states with %d workers", workers).isLessThanOrEqualTo(300);
    }
  }

  @Test
  void fourteenIndependentComponentsReachTwoObservedMessagesAfterAFewHundredStates() {
    Program program = CheckFixtures.program(PartialOrderBenchmark.componentsSource(COMPONENTS));
    for (int workers : new int[] {1, 2}) {
      CheckResult r = check(program, "eventually contains (\"d1\"!(_) | \"d14\"!(_))",
          OPTIONS.withWorkers(workers));
      assertThat(r.verdict()).isEqualTo(Verdict.YES);
      assertThat(r.reduction()).isEqualTo(Reduction.POR);
      assertThat(r.states()).as("states with %d workers", workers).isLessThanOrEqualTo(300);
    }
  }

  @Test
  void theExploredCountIsTheSameForAnyNumberOfWorkers() {
    Program program = CheckFixtures.program(PartialOrderBenchmark.componentsSource(6));
    for (String type : List.of("deadlock_free", "always not contains (\"d1\"!(_) | \"d6\"!(_))",
        "eventually contains \"d3\"!(0)")) {
      long one = check(program, type, OPTIONS.withWorkers(1)).states();
      assertThat(check(program, type, OPTIONS.withWorkers(2)).states()).as(type).isEqualTo(one);
      assertThat(check(program, type, OPTIONS.withWorkers(3)).states()).as(type).isEqualTo(one);
    }
  }

  /**
   * Two receives alike but for their private channels tie for the stubborn set; which one is
   * taken changes the count (taking {@code x}'s first, two states follow; taking {@code y}'s,
   * whose channel holds two messages, three). Renaming the identifiers must not change it: the
   * state is the same up to renaming, so the choice comes from its structure.
   */
  @Test
  void receivesAlikeButForTheirNamesAreChosenByTheStateNotByTheIdentifiers() {
    String source = "new %s, %s in { for (_ <- %1$s) { Nil } | %1$s!(0) "
        + "| for (_ <- %2$s) { Nil } | %2$s!(0) | %2$s!(1) }";
    ExploreOptions options = ExploreOptions.defaults().withReduction(PartialOrder.stuckStates());
    List<Long> counts = new ArrayList<>();
    for (String[] names : new String[][] {{"a", "b"}, {"b", "a"}, {"z", "m"}}) {
      Program program = CheckFixtures.program(source.formatted(names[0], names[1]));
      for (int workers : new int[] {1, 2, 4}) {
        counts.add(Explorer.explore(program, options.withWorkers(workers)).distinctStates());
      }
      counts.add(Explorer.sequential(program, options).distinctStates());
    }
    assertThat(counts).containsOnly(counts.get(0));
    assertThat(counts.get(0)).isLessThan(Explorer.sequential(
        CheckFixtures.program(source.formatted("a", "b")), ExploreOptions.defaults())
        .distinctStates());
  }

  @Test
  void withoutTheReductionTheSameVerdictsNeedTheFullStateSpace() {
    Program program = CheckFixtures.program(PartialOrderBenchmark.componentsSource(4));
    CheckOptions full = OPTIONS.withPartialOrder(false);
    for (String type : List.of("deadlock_free", "eventually contains (\"d1\"!(_) | \"d4\"!(_))",
        "always not contains (\"d1\"!(_) | \"d4\"!(_))", "can_deadlock")) {
      CheckResult reduced = check(program, type, OPTIONS);
      CheckResult exact = check(program, type, full);
      assertThat(reduced.verdict()).as(type).isEqualTo(exact.verdict());
      assertThat(exact.reduction()).isEqualTo(Reduction.NONE);
      assertThat(reduced.reduction()).isEqualTo(Reduction.POR);
      assertThat(reduced.states()).as(type).isLessThan(exact.states());
    }
    // the full space of four components: 4^4 states
    assertThat(check(program, "eventually contains \"nowhere\"!(_)", full).states())
        .isEqualTo(256);
  }

  @Test
  void typesThatObserveStepsOrCountEveryThreadExploreEveryInterleaving() {
    Program program = CheckFixtures.program(PartialOrderBenchmark.componentsSource(3));
    for (String type : List.of("eventually <\"a1\">true", "eventually race(\"a1\")",
        "eventually Nil", "eventually (\"d1\"!(_) | \"d2\"!(_))", "inevitably deadlock",
        "always eventually deadlock")) {
      assertThat(check(program, type, OPTIONS).reduction()).as(type).isEqualTo(Reduction.NONE);
    }
  }
}
