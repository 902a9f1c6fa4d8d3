package rhoscope.engine.open;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Program;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.StateGraph;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Findings;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.parse.ProcessParser;

/** Contracts a library publishes only through the registry are called by the client. */
class RegisteredContractsTest {
  /** Two contracts on private names, each registered with insertArbitrary, in either order. */
  private static final String PING_PONG = """
      new ping, pong, uriA, uriB, insertArbitrary(`rho:registry:insertArbitrary`) in {
        contract ping(ret) = { @"pinged"!(true) | ret!("ping") } |
        contract pong(@n, ret) = { @"ponged"!(n) | ret!(n) } |
        insertArbitrary!(bundle+{*pong}, *uriB) |
        insertArbitrary!(*ping, *uriA)
      }
      """;

  private static List<Callable> callables(String source) {
    return RegisteredContracts.of(ProcessParser.parse("<lib>", source).process());
  }

  @Test
  void aContractIsCallableWhenItsNameIsInsertedIntoTheRegistry() {
    assertThat(callables(PING_PONG)).extracting(Callable::signature)
        .containsExactly("ping (registry)/1", "pong (registry)/2");
    assertThat(callables(PING_PONG)).allMatch(Callable::registered);
  }

  @Test
  void aContractOnAPrivateNameThatIsNotRegisteredIsNotCallable() {
    assertThat(callables("""
        new hidden, other, uriCh, insertArbitrary(`rho:registry:insertArbitrary`) in {
          contract hidden(ret) = { ret!(1) } |
          insertArbitrary!(*other, *uriCh)
        }
        """)).isEmpty();
  }

  @Test
  void aNameRegisteredInAnotherScopeUnderTheSameIdentifierIsNotThisOne() {
    assertThat(callables("""
        new insertArbitrary(`rho:registry:insertArbitrary`), uriCh in {
          new x in { contract x(ret) = { ret!(1) } } |
          new x in { insertArbitrary!(*x, *uriCh) }
        }
        """)).isEmpty();
  }

  @Test
  void insertSignedRegistersTheContractOfItsValue() {
    assertThat(callables("""
        new Lib, rs(`rho:registry:insertSigned:secp256k1`), deployerId(`rho:rchain:deployerId`),
            uriOut in {
          contract Lib(@"get", ret) = { ret!(7) } |
          rs!((9223372036854775807, bundle+{*Lib}), *deployerId, *uriOut)
        }
        """)).extracting(Callable::signature).containsExactly("Lib (registry)/2");
  }

  /** RevVault's style: methods on {@code @(*RevVault, "name")}, callers look RevVault up. */
  @Test
  void contractsOnATupleOfTheRegisteredNameAndAMethodAreCalledThroughIt() {
    String vault = """
        new Vault, rs(`rho:registry:insertSigned:secp256k1`),
            deployerId(`rho:rchain:deployerId`), uriOut in {
          contract @(*Vault, "balance")(ret) = { @"asked"!(true) | ret!(0) } |
          rs!((1, bundle+{*Vault}), *deployerId, *uriOut)
        }
        """;
    assertThat(callables(vault)).extracting(Callable::signature)
        .containsExactly("Vault \"balance\" (registry)/1");
    Callable balance = callables(vault).get(0);
    assertThat(balance.candidate("callerBudget", balance.send(List.of("*caller"))))
        .isEqualTo("for (<= callerBudget & @registered <= @(`rho:registry:directory`,"
            + " \"Vault\")) { @(`rho:registry:directory`, \"Vault\")!(registered) |"
            + " @(registered, \"balance\")!(*caller) }");
    Program direct = MostGeneralClientTest.open("""
        new Vault, insertArbitrary(`rho:registry:insertArbitrary`), uriOut in {
          contract @(*Vault, "balance")(ret) = { @"asked"!(true) | ret!(0) } |
          insertArbitrary!(bundle+{*Vault}, *uriOut)
        }
        """, 1);
    assertThat(MostGeneralClientTest.check(direct, "eventually contains \"asked\"!(true)")
        .verdict()).isEqualTo(Verdict.YES);
  }

  @Test
  void theClientCallsBothRegisteredContractsWhateverTheOrderOfTheirInsertion() {
    Program p = MostGeneralClientTest.open(PING_PONG, 2);
    assertThat(p.client().orElseThrow().callables()).hasSize(2);
    assertThat(MostGeneralClientTest.check(p,
        "eventually contains (\"pinged\"!(true) | \"ponged\"!(_))").verdict())
        .isEqualTo(Verdict.YES);
    assertThat(MostGeneralClientTest.check(p, "deadlock_free").verdict()).isEqualTo(Verdict.YES);
  }

  @Test
  void noCallReachesARegisteredContractBeforeItIsRegistered() {
    Program p = MostGeneralClientTest.open("""
        new counter, uriCh, insertArbitrary(`rho:registry:insertArbitrary`) in {
          contract counter(ret) = { @"called"!(true) | ret!(1) } |
          insertArbitrary!(*counter, *uriCh)
        }
        """, 2);
    StateGraph graph = Explorer.sequential(p, ExploreOptions.defaults().withRecordGraph(true))
        .graph().orElseThrow();
    int calledStates = 0;
    for (int i = 0; i < graph.size(); i++) {
      StateView s = graph.state(i);
      if (s.threads().stream().anyMatch(t -> t instanceof SendView m
          && m.channel().label().equals("called"))) {
        calledStates++;
        assertThat(p.registrations(s)).as(s.print()).isNotEmpty();
      }
    }
    assertThat(calledStates).isPositive();
  }

  /**
   * NonNegativeNumber.rho's own insertSigned waits without the genesis (its deployer's URI is
   * unknown), so the contract is never registered: the client's call never starts, and no caller
   * waits for an answer to a call it could not make.
   */
  @Test
  void aContractThatIsNeverRegisteredLeavesNoCallerWaiting() {
    Program p = MostGeneralClientTest.open("""
        new Lib, rs(`rho:registry:insertSigned:secp256k1`), deployerId(`rho:rchain:deployerId`),
            uriOut in {
          contract Lib(@"get", ret) = { ret!(7) } |
          rs!((9223372036854775807, bundle+{*Lib}), *deployerId, *uriOut)
        }
        """, 1);
    assertThat(p.client().orElseThrow().callables()).hasSize(1);
    assertThat(MostGeneralClientTest.check(p, "deadlock_free").verdict()).isEqualTo(Verdict.YES);
  }

  /**
   * RevVault's shape in small: the library registers its dispatcher only inside a receive, after
   * passing it through another channel, so no static reading of the insertion names it; the
   * client calls it once the registry holds it, and a method that never answers leaves that
   * caller waiting.
   */
  @Test
  void aContractRegisteredOnlyInsideAReceiveIsCalledOnceRegistered() {
    String late = """
        new Lib, setup, dispatcherCh, uriOut, insertArbitrary(`rho:registry:insertArbitrary`) in {
          setup!(Nil) |
          for (_ <- setup) {
            contract Lib(@"get", ret) = { @"served"!(true) | ret!(1) } |
            contract Lib(@"forget", ret) = { Nil } |
            dispatcherCh!(*Lib) |
            for (d <- dispatcherCh) { insertArbitrary!(bundle+{*d}, *uriOut) }
          }
        }
        """;
    assertThat(callables(late)).extracting(Callable::signature)
        .containsExactly("Lib (registry)/2", "Lib (registry)/2");
    Program p = MostGeneralClientTest.open(late, 1);
    assertThat(MostGeneralClientTest.check(p, "eventually contains \"served\"!(true)").verdict())
        .isEqualTo(Verdict.YES);
    CheckResult r = MostGeneralClientTest.check(p, "deadlock_free");
    assertThat(r.verdict()).isEqualTo(Verdict.NO);
    StateView last = p.replay(r.witness().orElseThrow()).getLast();
    assertThat(r.witness().orElseThrow().steps()).anySatisfy(s -> assertThat(s.comm().receiver())
        .contains("\"forget\"").contains(MostGeneralClient.BUDGET));
    assertThat(Findings.of(last)).singleElement().satisfies(f -> assertThat(f)
        .startsWith("deadlock: `for (...@").endsWith(" waits on caller, on which nobody sends"));
  }
}
