package rhoscope.engine.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.parse.ProcessParser;

class MostGeneralClientTest {
  static final CheckOptions OPTIONS =
      CheckOptions.defaults().withWorkers(1).withMaxStates(200_000)
          .withTimeout(Duration.ofSeconds(60));

  /** Checks the balance with a peek and takes it later. */
  static final String PEEK_WITHDRAW = """
      new balance in {
        balance!(10) |
        contract @"withdraw"(@amount, ret) = {
          for (@seen <<- balance) {
            if (seen >= amount) {
              for (@current <- balance) { balance!(current - amount) | ret!(true) }
            } else { ret!(false) }
          }
        }
      }
      """;

  /** Takes the balance, checks it and puts it back in one step. */
  static final String ATOMIC_WITHDRAW = """
      new balance in {
        balance!(10) |
        contract @"withdraw"(@amount, ret) = {
          for (@current <- balance) {
            if (current >= amount) { balance!(current - amount) | ret!(true) }
            else { balance!(current) | ret!(false) }
          }
        }
      }
      """;

  static Program open(String source, int calls) {
    return Engine.load(ProcessParser.parse("<library>", source), OpenSystem.calls(calls));
  }

  static CheckResult check(Program p, String type) {
    return CheckPlan.parse("<type>", type).check(p, OPTIONS);
  }

  @Test
  void aPeekThenTakeWithdrawalOverdrawsWithTwoCallsButNotWithOne() {
    String negative = "eventually contains balance!(< 0)";
    CheckResult two = check(open(PEEK_WITHDRAW, 2), negative);
    assertThat(two.verdict()).isEqualTo(Verdict.YES);
    assertThat(two.witness()).isPresent();
    CheckResult one = check(open(PEEK_WITHDRAW, 1), negative);
    assertThat(one.verdict()).isEqualTo(Verdict.NO);
    assertThat(one.complete()).isTrue();
  }

  @Test
  void theAtomicWithdrawalNeverOverdraws() {
    for (int calls = 0; calls <= 3; calls++) {
      CheckResult r = check(open(ATOMIC_WITHDRAW, calls), "eventually contains balance!(< 0)");
      assertThat(r.verdict()).as("%d calls", calls).isEqualTo(Verdict.NO);
      assertThat(r.complete()).isTrue();
    }
  }

  @Test
  void theWitnessNamesEachCallAndItsArguments() {
    Program p = open(PEEK_WITHDRAW, 2);
    CheckResult r = check(p, "eventually contains balance!(< 0)");
    String steps = r.witness().orElseThrow().steps().stream()
        .map(s -> s.comm().channel().label() + ": " + s.comm().message() + " -> "
            + s.comm().receiver())
        .reduce("", (a, b) -> a + b + "\n");
    // the client takes a token to call withdraw(10), then the contract receives that call
    assertThat(steps).contains("callerBudget: callerBudget!() -> for (<= callerBudget)")
        .contains("@\"withdraw\"!(10, *caller)")
        .containsPattern("withdraw: @\"withdraw\"!\\(10, \\*caller(_1)?\\) -> contract @\"withdraw\"");
  }

  @Test
  void zeroCallsIsTheClosedProcess() {
    Program closed = Engine.load(ProcessParser.parse("<library>", PEEK_WITHDRAW));
    Program zero = open(PEEK_WITHDRAW, 0);
    assertThat(zero.initialState().fingerprint()).isEqualTo(closed.initialState().fingerprint());
    assertThat(zero.client()).isEmpty();
  }

  @Test
  void aLibraryWaitingForCallsIsNotDeadlockedButAnUnansweredCallerIs() {
    assertThat(check(open(ATOMIC_WITHDRAW, 2), "deadlock_free").verdict())
        .isEqualTo(Verdict.YES);
    String forgetful = """
        new balance in {
          balance!(10) |
          contract @"withdraw"(@amount, ret) = {
            for (@current <- balance) {
              if (current >= amount) { balance!(current - amount) | ret!(true) }
              else { balance!(current) }
            }
          }
        }
        """;
    CheckResult r = check(open(forgetful, 2), "deadlock_free");
    assertThat(r.verdict()).isEqualTo(Verdict.NO);
    StateView last = open(forgetful, 2).replay(r.witness().orElseThrow()).getLast();
    assertThat(last.isDeadlocked()).isTrue();
    assertThat(last.print()).contains("<- caller");
  }

  @Test
  void aLibrarysOwnWaitIsNotACallersDeadlock() {
    // waits for ever on a name nobody sends on, whatever a caller does
    String waiting = """
        new setup in {
          for (_ <- setup) { Nil } |
          contract @"ping"(ret) = { ret!(0) }
        }
        """;
    assertThat(check(Engine.load(ProcessParser.parse("<l>", waiting)), "deadlock_free")
        .verdict()).isEqualTo(Verdict.NO);
    assertThat(check(open(waiting, 2), "deadlock_free").verdict()).isEqualTo(Verdict.YES);
  }

  @Test
  void anIllTypedArgumentStopsItsThreadNotTheCheck() {
    String compares = """
        contract @"cmp"(@b, ret) = { if (b == 1) { ret!(b >= true) } else { ret!(0) } }
        """;
    CheckResult r = check(open(compares, 2), "eventually contains \"cmp\"!(...)");
    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    CheckResult stuck = check(open(compares, 1), "deadlock_free");
    assertThat(stuck.verdict()).isEqualTo(Verdict.NO);
  }

  /**
   * A caller whose answer the library must get from a system name rhoscope leaves to the chain
   * is no deadlock (the chain may answer), while one left waiting on a name nobody serves is.
   */
  @Test
  void aCallerWaitingForTheChainIsNotDeadlockedButOneWaitingForNobodyIs() {
    assumeThat(MostGeneralClient.chainAnswered()).as("an unmodelled system name").isNotEmpty();
    String uri = MostGeneralClient.chainAnswered().get(0);
    String asksTheChain = "contract @\"ask\"(@key, ret) = { new chain(`" + uri + "`) in {"
        + " chain!(\"query\", key, *ret) } }";
    assertThat(check(open(asksTheChain, 1), "deadlock_free").verdict()).isEqualTo(Verdict.YES);
    // the checker and the state agree: that state is terminal, as StateView.isTerminal says
    assertThat(check(open(asksTheChain, 1), "terminates").verdict()).isEqualTo(Verdict.YES);
    String asksNobody = "new nobody in { contract @\"ask\"(@key, ret) = {"
        + " nobody!(\"query\", key, *ret) } }";
    assertThat(check(open(asksNobody, 1), "deadlock_free").verdict()).isEqualTo(Verdict.NO);
  }
}
