package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.StopReason;
import rhoscope.lang.parse.TypeParser;

/** The built-in system services (rho:io:stdout ...) and the value limits, end to end. */
class SystemProcessesTest {
  private static final String HELLO = """
      new helloWorld, stdout(`rho:io:stdout`), stdoutAck(`rho:io:stdoutAck`) in {
        contract helloWorld(@name) = {
          new ack in {
            stdoutAck!("Hello, ", *ack) |
            for (_ <- ack) {
              stdoutAck!(name, *ack) |
              for (_ <- ack) {
                stdout!("\\n")
              }
            }
          }
        } |
        helloWorld!("Joe")
      }
      """;

  private static CheckResult check(Program p, String type) {
    return ModelChecker.check(p, TypeParser.parse("<t>", type), CheckOptions.defaults());
  }

  @Test
  void tutHelloIsDeadlockFreeAndEndsInOneTerminalState() {
    Program p = Programs.load(HELLO);
    ExploreResult r = Explorer.sequential(p, ExploreOptions.defaults());
    assertThat(r.complete()).isTrue();
    assertThat(r.deadlockedStates()).isZero();
    assertThat(r.terminalStates()).isEqualTo(1);
    // call, print+ack, wake, print+ack, wake, print: a chain of seven states
    assertThat(r.distinctStates()).isEqualTo(7);
    assertThat(check(p, "deadlock_free").verdict()).isEqualTo(Verdict.YES);
  }

  @Test
  void theCorpusTutHelloIsDeadlockFree() throws Exception {
    Path f = Path.of("/work/shared/corpus/rholang/rchain/rholang/examples/tut-hello.rho");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(f));
    Program p = Engine.load(rhoscope.lang.parse.ProcessParser.parse(f.toString(),
        Files.readString(f)));
    assertThat(check(p, "deadlock_free").verdict()).isEqualTo(Verdict.YES);
  }

  @Test
  void stderrAckRepliesNilOnTheAckName() {
    Program p = Programs.load("new err(`rho:io:stderrAck`), ack in {"
        + " err!(\"x\", *ack) | for (@v <- ack) { @\"got\"!(v) } }");
    StateView s = p.initialState();
    for (int i = 0; i < 2; i++) {
      assertThat(p.successors(s)).hasSize(1);
      s = p.successors(s).get(0).target();
    }
    assertThat(s.isTerminal()).isTrue();
    assertThat(s.print()).contains("@\"got\"!(Nil)");
  }

  @Test
  void aWrongArityMessageToStdoutAckWaits() {
    Program p = Programs.load("new o(`rho:io:stdoutAck`) in { o!(\"x\") }");
    assertThat(p.successors(p.initialState())).isEmpty();
  }

  @Test
  void aRegistryLookupOfAUriNobodyInsertedWaitsForEver() {
    Program p = Programs.load("new lookup(`rho:registry:lookup`), ret in {"
        + " lookup!(`rho:lang:treeHashMap`, *ret) | for (_ <- ret) { Nil } }");
    // the registry takes the request, then waits for the entry as the client waits for it
    assertThat(p.successors(p.initialState())).hasSize(1);
    StateView s = p.successors(p.initialState()).get(0).target();
    assertThat(s.isDeadlocked()).isTrue();
    assertThat(s.print()).contains("for (@v0 <<- @(`rho:registry:entry`, `rho:lang:treeHashMap`))");
  }

  @Test
  void aProgramWithoutSystemUrisGetsNoService() {
    assertThat(Programs.load("@\"a\"!(1)").initialState().threads()).hasSize(1);
  }

  @Test
  void runawayValueGrowthIsUnknownNotADeadlock() {
    Program p = Programs.load("new c in { contract c(@s) = { c!(s ++ s) } | c!(\"ab\") }");
    for (String type : new String[] {"deadlock_free", "eventually terminated",
        "terminates"}) {
      CheckResult r = check(p, type);
      assertThat(r.verdict()).as(type).isEqualTo(Verdict.UNKNOWN);
      assertThat(r.complete()).as(type).isFalse();
    }
    StateView last = p.initialState();
    for (int i = 0; i < 25 && !p.successors(last).isEmpty(); i++) {
      last = p.successors(last).get(0).target();
    }
    // the state whose next value is too large can still step: it is not stuck
    assertThat(last.isStuck()).isFalse();
    assertThat(p.successors(last)).isEmpty();
  }

  @Test
  void anInitialStateBeyondTheLimitsIsAnEvaluationError() {
    StringBuilder src = new StringBuilder("let @s0 <- \"ab\" ; ");
    for (int i = 1; i <= 21; i++) {
      src.append("@s").append(i).append(" <- s").append(i - 1).append(" ++ s").append(i - 1)
          .append(" ; ");
    }
    src.setLength(src.length() - 3);
    src.append(" in { @\"out\"!(s21) }");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Programs.load(src.toString()))
        .isInstanceOf(rhoscope.lang.diag.LangException.class)
        .hasMessageContaining("value limits");
    assertThat(StopReason.valueOf("VALUE_TOO_LARGE")).isNotNull();
  }
}
