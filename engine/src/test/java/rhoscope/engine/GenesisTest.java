package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.open.Callable;
import rhoscope.engine.open.MostGeneralClient;
import rhoscope.engine.open.OpenSystem;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/** RChain's genesis contracts from the corpus as the environment of a program. */
class GenesisTest {
  static final Path FOLDER =
      Path.of("..", "..", "shared", "corpus", "rholang", "rchain", "casper", "src", "main", "resources");
  private static Environment genesis;

  @BeforeAll
  static void loadGenesis() {
    Assumptions.assumeTrue(Files.isRegularFile(FOLDER.resolve("RevVault.rho")),
        "the RChain corpus is not at " + FOLDER.toAbsolutePath() + ": genesis tests skipped");
    genesis = Environment.genesis(FOLDER);
  }

  private static Program load(String source) {
    return Engine.load(ProcessParser.parse("test.rho", source), genesis);
  }

  static CheckResult checkFor(Program p, String type) {
    return check(p, type, 10_000);
  }

  private static CheckResult check(Program p, String type, long maxStates) {
    return ModelChecker.check(p, TypeParser.parse("<t>", type),
        CheckOptions.defaults().withMaxStates(maxStates));
  }

  @Test
  void everyGenesisDeployRegistersUnderItsUri() {
    assertThat(genesis.genesisDeploys()).containsEntry("RevVault.rho",
        "rho:id:6zcfqnwnaqcwpeyuysx1rm48ndr6sgsbbgjuwf45i5nor3io7dr76j")
        .containsKeys("MakeMint.rho", "ListOps.rho", "Either.rho", "AuthKey.rho",
            "NonNegativeNumber.rho", "MultiSigRevVault.rho");
    Program p = load("Nil");
    assertThat(p.registrations(p.initialState()))
        .containsKeys(genesis.genesisDeploys().values().toArray(String[]::new))
        .containsKeys("rho:lang:treeHashMap", "rho:registry:systemContractManager",
            "rho:rchain:configPublicKeyCheck");
  }

  /**
   * The channels of the linear receives (and peeks) that wait in the stuck states reachable
   * within {@code maxStates}, by their spelling.
   */
  private static Set<String> waitsWhenStuck(Program p, int maxStates) {
    Set<String> waits = new TreeSet<>();
    Set<Long> seen = new HashSet<>();
    Deque<StateView> todo = new ArrayDeque<>(List.of(p.initialState()));
    while (!todo.isEmpty()) {
      StateView s = todo.pop();
      if (!seen.add(s.fingerprint())) {
        continue;
      }
      assertThat(seen.size()).as("states explored").isLessThanOrEqualTo(maxStates);
      List<Transition> next = p.successors(s);
      if (next.isEmpty()) {
        for (ThreadView t : s.threads()) {
          if (t instanceof ReceiveView r && r.kind() != ReceiveKind.PERSISTENT) {
            r.channels().forEach(c -> waits.add(c.spelling()));
          }
        }
      }
      next.forEach(t -> todo.push(t.target()));
    }
    return waits;
  }

  /**
   * What RChain's genesis deploys leave waiting for a caller: the extractState endpoints and
   * RevVault's one-time createWithBalance. None waits on the registry or on a system name.
   */
  private static void assertOnlyGenesisEndpointsWait(Set<String> waits) {
    assertThat(waits).allSatisfy(w -> assertThat(w.contains("extractState")
        || w.equals("RevVault")).as("a wait on %s", w).isTrue());
  }

  @Test
  void theSettledGenesisWaitsOnlyForCallersOfItsEndpoints() {
    Program p = load("Nil");
    assertThat(p.successors(p.initialState())).isEmpty();
    Set<String> waits = waitsWhenStuck(p, 1);
    assertThat(waits).contains("@(*RevVault, \"extractState\")", "RevVault");
    assertOnlyGenesisEndpointsWait(waits);
  }

  /** The waits of the stuck state one run reaches, taking the first COMM of each state. */
  private static Set<String> waitsAfterOneRun(Program p) {
    StateView s = p.initialState();
    for (int steps = 0; !p.successors(s).isEmpty(); steps++) {
      assertThat(steps).as("steps of one run").isLessThan(10_000);
      s = p.successors(s).get(0).target();
    }
    Set<String> waits = new TreeSet<>();
    for (ThreadView t : s.threads()) {
      if (t instanceof ReceiveView r && r.kind() != ReceiveKind.PERSISTENT) {
        r.channels().forEach(c -> waits.add(c.spelling()));
      }
    }
    return waits;
  }

  private static Program deployed(String contract, Environment env) throws Exception {
    Path file = FOLDER.resolve(contract);
    return Engine.load(ProcessParser.parse(file.toString(), Files.readString(file)), env);
  }

  /**
   * MakeMint.rho deployed again as the program: alone, its lookup of rho:lang:nonNegativeNumber
   * waits for ever (nobody inserted it); with the genesis it is answered, and every stuck state
   * of the whole space (50 states) leaves only callers' endpoints waiting.
   */
  @Test
  void makeMintRedeployedOnTheGenesisWaitsOnlyForCallers() throws Exception {
    assertThat(waitsWhenStuck(deployed("MakeMint.rho", Environment.none()), 1_000))
        .anySatisfy(w -> assertThat(w).contains("rho:registry:entry"));
    assertOnlyGenesisEndpointsWait(waitsWhenStuck(deployed("MakeMint.rho", genesis), 1_000));
  }

  /**
   * RevVault.rho deployed again as the program. Its space on the genesis has 95,701 states (five
   * minutes of exploration), too many for a unit test, so this follows one complete run (the
   * first COMM of each state) to its end: alone it stops at registry lookups; on the genesis
   * every lookup is answered and only callers' endpoints wait.
   */
  @Test
  void revVaultRedeployedOnTheGenesisRunsToItsEndpoints() throws Exception {
    assertThat(waitsAfterOneRun(deployed("RevVault.rho", Environment.none())))
        .anySatisfy(w -> assertThat(w).contains("rho:registry:entry"));
    Set<String> waits = waitsAfterOneRun(deployed("RevVault.rho", genesis));
    assertThat(waits).contains("@(*RevVault, \"extractState\")");
    assertOnlyGenesisEndpointsWait(waits);
  }

  @Test
  void aLookupOfRevVaultAnswersTheRealRevVault() {
    Program p = load("""
        new rl(`rho:registry:lookup`), ch in {
          rl!(`rho:rchain:revVault`, *ch) |
          for (@(_, revVault) <- ch) { @"revVault"!(revVault) }
        }
        """);
    CheckResult r = check(p, "inevitably contains \"revVault\"!(_)", 10_000);
    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    assertOnlyGenesisEndpointsWait(waitsWhenStuck(p, 10_000));
  }

  /**
   * The real RevVault validates the address (rho:rev:address) and makes the deployer's auth key
   * from its public key (rho:rchain:deployerId:ops): both answer, so the deployer's vault is
   * found with an empty balance and nothing waits on a system name.
   */
  @Test
  void theDeployersVaultIsFoundByItsRevAddress() {
    Program p = load("""
        new rl(`rho:registry:lookup`), deployerId(`rho:rchain:deployerId`),
            rev(`rho:rev:address`), ch, addrCh, vaultCh, keyCh, balanceCh in {
          rl!(`rho:rchain:revVault`, *ch) |
          rev!("fromDeployerId", *deployerId, *addrCh) |
          for (@(_, revVault) <- ch & @addr <- addrCh) {
            @revVault!("findOrCreate", addr, *vaultCh) |
            for (@(true, vault) <- vaultCh) {
              @revVault!("deployerAuthKey", *deployerId, *keyCh) |
              for (_ <- keyCh) {
                @vault!("balance", *balanceCh) |
                for (@b <- balanceCh) { @"balance"!(b) }
              }
            }
          }
        }
        """);
    assertThat(check(p, "inevitably contains \"balance\"!(0)", 100_000).verdict())
        .isEqualTo(Verdict.YES);
    assertOnlyGenesisEndpointsWait(waitsWhenStuck(p, 100_000));
  }

  @Test
  void aPurseOfTheRealMakeMintHoldsItsBalance() {
    Program p = load("""
        new rl(`rho:registry:lookup`), mintCh, ch, purseCh, balanceCh in {
          rl!(`rho:rchain:makeMint`, *ch) |
          for (@(_, makeMint) <- ch) {
            @makeMint!(*mintCh) |
            for (mint <- mintCh) {
              mint!("makePurse", 100, *purseCh) |
              for (purse <- purseCh) {
                purse!("getBalance", *balanceCh) |
                for (@b <- balanceCh) { @"balance"!(b) }
              }
            }
          }
        }
        """);
    assertThat(check(p, "inevitably contains \"balance\"!(100)", 100_000).verdict())
        .isEqualTo(Verdict.YES);
    assertOnlyGenesisEndpointsWait(waitsWhenStuck(p, 100_000));
  }

  /**
   * NonNegativeNumber.rho registers its contract with insertSigned and offers it on no public
   * name: open on the genesis, the client finds it in the registry's directory and calls it.
   */
  @Test
  void aContractRegisteredWithInsertSignedIsCalledByTheClient() throws Exception {
    Path file = FOLDER.resolve("NonNegativeNumber.rho");
    Program p = Engine.load(ProcessParser.parse(file.toString(), Files.readString(file)), genesis,
        OpenSystem.calls(1));
    assertThat(p.client().orElseThrow().callables()).extracting(Callable::signature)
        .contains("NonNegativeNumber (registry)/2");
    Set<Long> seen = new HashSet<>();
    Deque<StateView> todo = new ArrayDeque<>(List.of(p.initialState()));
    boolean called = false;
    while (!todo.isEmpty() && !called && seen.size() < 5_000) {
      StateView s = todo.pop();
      if (!seen.add(s.fingerprint())) {
        continue;
      }
      for (Transition t : p.successors(s)) {
        called |= t.step().comm().channel().label().equals("NonNegativeNumber")
            && t.step().comm().message().contains(MostGeneralClient.RETURN);
        todo.add(t.target());
      }
    }
    assertThat(called).as("a client's call reaches NonNegativeNumber").isTrue();
  }
}
