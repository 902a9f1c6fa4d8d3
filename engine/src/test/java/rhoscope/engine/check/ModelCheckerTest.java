package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Program;
import rhoscope.engine.ReceiveKind;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.lang.ParsedType;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.TypeParser;

class ModelCheckerTest {
  private static final Path CASES = Path.of("src", "test", "resources", "check", "cases.tsv");

  record Case(String process, String type, Verdict expected) {
    @Override
    public String toString() {
      return process + " : " + type + " -> " + expected;
    }
  }

  static Stream<Case> cases() throws IOException {
    return Files.readAllLines(CASES, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t"))
        .map(f -> new Case(f[0], f[1], Verdict.valueOf(f[2])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictMatchesTheTableWithOneOrFourWorkersAndOnTheGraph(Case c) {
    Program program = CheckFixtures.load(c.process());
    ParsedType type = TypeParser.parse("<case>", c.type());
    for (int workers : new int[] {1, 4}) {
      CheckResult result = ModelChecker.check(program, type, CheckFixtures.OPTIONS.withWorkers(workers));
      assertThat(result.verdict()).as(workers + " workers: " + result).isEqualTo(c.expected());
      CheckFixtures.assertEvidenceReplays(program, type.core(), result);
    }
    CheckResult global = ModelChecker.checkGlobally(program, type.core(), CheckFixtures.OPTIONS);
    assertThat(global.verdict()).as("global: " + global).isEqualTo(c.expected());
    CheckFixtures.assertEvidenceReplays(program, type.core(), global);
  }

  @Test
  void tableCoversEveryConstructorSugarAndLibraryType() throws IOException {
    String all = cases().map(Case::type).collect(Collectors.joining("\n"));
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
    for (String construct :
        List.of("Nil", " | ", "!(", "for(", "contract ", "*", "true", "false", "not ", " and ",
            " or ", "=>", "<\"", "[\"", "<>", "[]", "mu ", "nu ", "contains ", "eventually ",
            "always ", "inevitably ", "deadlock", "terminated", "race(", "let ", "deadlock_free",
            "race_free(", "terminates", "can_reach(", "mutual_exclusion(", "can_deadlock",
            "can_terminate", "can_communicate(", "live(", "responds(", "@", "`", "balance!",
            "(< ", "!= ", "...")) {
      assertThat(all).as(construct).contains(construct);
    }
  }

  @Test
  void deadlyEmbraceIsNotDeadlockFreeAndItsCounterexampleEndsStuck() {
    Program program = CheckFixtures.load("embrace");
    CheckResult result = check(program, "deadlock_free");
    assertThat(result.verdict()).isEqualTo(Verdict.NO);
    StateView end = program.replay(result.witness().orElseThrow()).getLast();
    assertThat(end.isDeadlocked()).isTrue();
    assertThat(end.threads()).allMatch(t -> t instanceof ReceiveView);
  }

  @Test
  void philosophersDeadlockWithEveryoneHoldingTheLeftFork() {
    Program program = CheckFixtures.load("philosophers5");
    CheckResult result = check(program, "deadlock_free");
    assertThat(result.verdict()).isEqualTo(Verdict.NO);
    Trace evidence = result.witness().orElseThrow();
    StateView end = program.replay(evidence).getLast();
    assertThat(end.isDeadlocked()).isTrue();
    // No fork is on the table, and philosopher i waits for fork i+1, its right fork.
    assertThat(end.threads()).noneMatch(t -> t instanceof SendView s && s.channel().label().startsWith("fork"));
    Set<String> awaited =
        end.threads().stream()
            .filter(t -> t instanceof ReceiveView r && r.kind() == ReceiveKind.LINEAR)
            .map(t -> ((ReceiveView) t).channels().get(0).label())
            .collect(Collectors.toSet());
    assertThat(awaited).containsExactlyInAnyOrder("fork0", "fork1", "fork2", "fork3", "fork4");
    Set<String> taken =
        evidence.steps().stream()
            .map(Trace.Step::comm)
            .map(Trace.Comm::channel)
            .map(ChannelView::label)
            .filter(l -> l.startsWith("fork"))
            .collect(Collectors.toSet());
    assertThat(taken).containsExactlyInAnyOrder("fork0", "fork1", "fork2", "fork3", "fork4");
    assertThat(end.print()).contains("for (_ <- fork1)");
  }

  @Test
  void peekThenUpdateOverdrawsAndTheWitnessEndsWithTheNegativeBalance() {
    Program program = CheckFixtures.load("withdraw_peek");
    CheckResult result = check(program, "eventually contains balance!(< 0)");
    assertThat(result.verdict()).isEqualTo(Verdict.YES);
    assertThat(program.replay(result.witness().orElseThrow()).getLast().print())
        .contains("balance!(-4)");
    assertThat(check(CheckFixtures.load("withdraw_atomic"), "eventually contains balance!(< 0)").verdict())
        .isEqualTo(Verdict.NO);
  }

  @Test
  void boundsGiveUnknownOnlyWhenTheUnexploredPartCouldDecide() {
    Program counter = CheckFixtures.load("counter");
    CheckOptions tiny = CheckFixtures.OPTIONS.withMaxStates(50);
    assertThat(ModelChecker.check(counter, parse("eventually contains \"count\"!(< 0)"), tiny).verdict())
        .isEqualTo(Verdict.UNKNOWN);
    assertThat(ModelChecker.check(counter, parse("eventually contains \"count\"!(2)"), tiny).verdict())
        .isEqualTo(Verdict.YES);
    // The initial state alone decides these, whatever lies beyond the bound.
    CheckOptions shallow = CheckFixtures.OPTIONS.withMaxDepth(2);
    assertThat(ModelChecker.check(counter, parse("contains contract \"count\""), shallow).verdict())
        .isEqualTo(Verdict.YES);
    assertThat(ModelChecker.check(counter, parse("<\"count\">true and not deadlock"), shallow).verdict())
        .isEqualTo(Verdict.YES);
    CheckResult deep = ModelChecker.check(counter, parse("always contains contract \"count\""), shallow);
    assertThat(deep.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(deep.complete()).isFalse();
    assertThat(deep.reason()).contains("bound");
  }

  @Test
  void aModalityInsideAParallelPartIsRejected() {
    Program program = CheckFixtures.load("comm");
    assertThatThrownBy(() -> check(program, "contains <>true"))
        .isInstanceOfSatisfying(
            LangException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
  }

  private static ParsedType parse(String type) {
    return TypeParser.parse("<test>", type);
  }

  private static CheckResult check(Program program, String type) {
    return ModelChecker.check(program, parse(type), CheckFixtures.OPTIONS);
  }
}
