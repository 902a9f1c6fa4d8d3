package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.server.cli.CliRun.run;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code check FILE TYPE --open [--calls N]} on the shipped library contracts. */
class OpenCheckCommandTest {
  private static final Path CONTRACTS = Path.of("..", "datasets", "contracts");

  private static String lib(String name) {
    return CONTRACTS.resolve(name).toString();
  }

  @Test
  void twoCallsOverdrawThePeekingWithdrawalAndTheWitnessNamesTheCalls() {
    CliRun r = run("check", lib("lib_bank_peek_withdraw.rho"), "eventually contains balance!(< 0)",
        "--open", "--calls", "2", "--workers", "1");
    assertThat(r.out()).contains(": yes (").contains("@\"withdraw\"!(")
        .contains("on callerBudget: callerBudget!()");
    assertThat(r.err()).contains(
        "warning: open: a most-general client makes up to 2 call(s), concurrently, to withdraw/2");
  }

  @Test
  void oneCallCannotOverdrawIt() {
    CliRun r = run("check", lib("lib_bank_peek_withdraw.rho"), "eventually contains balance!(< 0)",
        "--calls", "1");
    assertThat(r.out()).contains(": no (").contains("complete");
  }

  @Test
  void closedTheLibraryOnlyWaitsForCalls() {
    CliRun r = run("check", lib("lib_bank_peek_withdraw.rho"), "eventually contains balance!(< 0)");
    assertThat(r.out()).contains(": no (method: explore, reduction: por, 1 state");
    assertThat(r.err()).doesNotContain("open:");
  }

  @Test
  void anUnansweredCallerIsADeadlockNamingTheWaitAndTheSilentChannel() {
    CliRun r = run("check", lib("lib_lock_leak.rho"), "deadlock_free", "--open");
    assertThat(r.out()).contains(": no (")
        .containsPattern("deadlock: `for \\(\\.\\.\\.@v0 <- caller(_1)?\\) \\{ Nil \\}` waits on "
            + "caller(_1)?, on which nobody sends");
  }

  @Test
  void aNegativeCallCountIsAUserError() {
    CliRun r = run("check", lib("lib_lock_leak.rho"), "deadlock_free", "--calls", "-1");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--calls must be between 0 and 8, got -1")
        .doesNotContain("\tat ");
  }
}
