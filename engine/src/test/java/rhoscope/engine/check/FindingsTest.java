package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.open.OpenSystem;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

class FindingsTest {
  static CheckResult check(Program p, String type) {
    return CheckPlan.parse("<type>", type).check(p, CheckFixtures.OPTIONS);
  }

  static StateView last(Program p, CheckResult r) {
    return p.replay(r.witness().orElseThrow()).getLast();
  }

  @Test
  void aDeadlockNamesTheReceiveThatWaitsAndTheChannelNobodySendsOn() {
    Program p = CheckFixtures.program(
        "new a, b in { a!(1) | for (@x <- a) { for (_ <- b) { Nil } } }");
    CheckResult r = check(p, "deadlock_free");
    assertThat(r.verdict()).isEqualTo(Verdict.NO);
    assertThat(Findings.of(last(p, r)))
        .containsExactly("deadlock: `for (_ <- b) { Nil }` waits on b, on which nobody sends");
  }

  @Test
  void aDeadlockWhoseChannelHasAnUnmatchedMessageSaysSo() {
    Program p = CheckFixtures.program("new a in { a!(1) | for (@2 <- a) { Nil } }");
    assertThat(Findings.of(p.initialState()))
        .containsExactly("deadlock: `for (@2 <- a) { Nil }` waits on a, where no message matches it");
  }

  @Test
  void anOpenDeadlockNamesTheWaitingCallerOnly() {
    String leak = """
        new lock, setup in {
          lock!(Nil) | for (_ <- setup) { Nil } |
          contract @"acquire"(ret) = { for (_ <- lock) { ret!(true) } }
        }
        """;
    Program p = Engine.load(ProcessParser.parse("<l>", leak), OpenSystem.calls(2));
    CheckResult r = check(p, "deadlock_free");
    assertThat(r.verdict()).isEqualTo(Verdict.NO);
    List<String> findings = Findings.of(last(p, r));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0)).startsWith("deadlock: `for (...@")
        .endsWith("<- caller) { Nil }` waits on caller, on which nobody sends");
  }

  /** Two withdrawals that both passed a peek, then both take the one balance. */
  @Test
  void twoTakersOfOneBalanceAreARaceThatChangesAValue() {
    Program p = CheckFixtures.load("withdraw_peek");
    CheckResult r = check(p, "eventually take_race(balance)");
    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    assertThat(Findings.of(last(p, r))).anySatisfy(f -> assertThat(f)
        .startsWith("race on balance: the receives `for (@")
        .contains("compete for `balance!(10)`")
        .endsWith("(the winner takes a message: the order changes a value, take_race)"));
    assertThat(check(p, "value_race_free(balance)").verdict()).isEqualTo(Verdict.NO);
  }

  @Test
  void twoReadersOfAPeekAreARaceThatChangesNoValue() {
    Program p = CheckFixtures.program(
        "new b in { b!(1) | for (@x <<- b) { @\"r\"!(x) } | for (@y <<- b) { @\"s\"!(y) } }");
    assertThat(check(p, "eventually race(b)").verdict()).isEqualTo(Verdict.YES);
    assertThat(check(p, "eventually take_race(b)").verdict()).isEqualTo(Verdict.NO);
    assertThat(check(p, "read_race(b)").verdict()).isEqualTo(Verdict.YES);
    assertThat(check(p, "value_race_free(b)").verdict()).isEqualTo(Verdict.YES);
    assertThat(Findings.of(p.initialState())).singleElement().satisfies(f -> assertThat(f)
        .startsWith("race on b: the receives `for (@v0 <<- b) { @\"")
        .contains("` and `for (@v0 <<- b) { @\"")
        .endsWith("` compete for `b!(1)` (nothing is taken: a race that changes no value)"));
  }

  @Test
  void theAtomicWithdrawalStillRacesForTheBalanceButGloballyChecksTheSame() {
    Program p = CheckFixtures.load("withdraw_atomic");
    Type core = TypeParser.parse("<t>", "eventually take_race(balance)").core();
    assertThat(ModelChecker.checkGlobally(p, core, CheckFixtures.OPTIONS).verdict())
        .isEqualTo(check(p, "eventually take_race(balance)").verdict())
        .isEqualTo(Verdict.YES);
  }

  /**
   * The datasets' open bank library with two callers: the race of its two withdrawals for the
   * balance names both takers and changes a value; the race of their two peeks names both
   * readers and changes none; the client's choice of its next call is no finding.
   */
  @Test
  void anOpenLibrarysRacesNameBothCallsThreadsAndWhetherAValueChanges() throws Exception {
    Path file = Path.of("..", "datasets", "contracts", "lib_bank_peek_withdraw.rho");
    Program p = Engine.load(ProcessParser.parse(file.toString(), Files.readString(file)),
        OpenSystem.calls(2));
    CheckResult take = check(p, "eventually take_race(balance)");
    assertThat(take.verdict()).isEqualTo(Verdict.YES);
    List<String> taken = Findings.of(last(p, take));
    assertThat(taken).anySatisfy(f -> assertThat(f)
        .startsWith("race on balance: the receives `for (@").contains("<- balance)")
        .contains(" compete for `balance!(10)`")
        .endsWith("(the winner takes a message: the order changes a value, take_race)"));
    CheckResult read = check(p, "read_race(balance)");
    assertThat(read.verdict()).isEqualTo(Verdict.YES);
    List<String> peeked = Findings.of(last(p, read));
    assertThat(peeked).anySatisfy(f -> assertThat(f)
        .startsWith("race on balance: ").contains("<<- balance)")
        .endsWith("(nothing is taken: a race that changes no value)"));
    assertThat(taken).noneSatisfy(f -> assertThat(f).contains("callerBudget"));
    assertThat(peeked).noneSatisfy(f -> assertThat(f).contains("callerBudget"));
    assertThat(check(Engine.load(ProcessParser.parse(file.toString(), Files.readString(file)),
        OpenSystem.calls(1)), "eventually race(balance)").verdict()).isEqualTo(Verdict.NO);
  }
}
