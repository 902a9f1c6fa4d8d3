package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.NameWarnings;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/** The registry system processes: insertArbitrary, lookup and insertSigned, without a genesis. */
class RegistryTest {
  /** Registers a service, looks it up by the URI it got and calls it. */
  private static final String REGISTER_AND_CALL = """
      new insertArbitrary(`rho:registry:insertArbitrary`), lookup(`rho:registry:lookup`),
          uriCh, valueCh, increment in {
        contract increment(@x, ret) = { ret!(x + 1) } |
        insertArbitrary!(bundle+{*increment}, *uriCh) |
        for (@uri <- uriCh) {
          if (uri == `rho:id:arbitrary0`) { @"firstUri"!(true) } |
          lookup!(uri, *valueCh) |
          for (service <- valueCh) {
            new r in { service!(41, *r) | for (@v <- r) { @"answer"!(v) } }
          }
        }
      }
      """;

  static CheckResult check(Program p, String type) {
    return ModelChecker.check(p, TypeParser.parse("<t>", type), CheckOptions.defaults());
  }

  @Test
  void aServiceRegisteredWithInsertArbitraryAnswersThroughItsUri() {
    Program p = Programs.load(REGISTER_AND_CALL);
    assertThat(check(p, "eventually contains \"answer\"!(42)").verdict()).isEqualTo(Verdict.YES);
    assertThat(check(p, "deadlock_free").verdict()).isEqualTo(Verdict.YES);
    assertThat(check(p, "eventually contains \"firstUri\"!(true)").verdict())
        .isEqualTo(Verdict.YES);
  }

  @Test
  void theRegisteredServiceIsListedUnderItsUri() {
    Program p = Programs.load(REGISTER_AND_CALL);
    StateView s = p.initialState();
    assertThat(p.registrations(s)).isEmpty();
    // the request, then the counter: the entry is in the registry after two steps
    for (int i = 0; i < 2; i++) {
      assertThat(p.registrations(s)).isEmpty();
      assertThat(p.successors(s)).hasSize(1);
      s = p.successors(s).get(0).target();
    }
    assertThat(p.registrations(s)).containsOnlyKeys("rho:id:arbitrary0");
    assertThat(p.registrations(s).get("rho:id:arbitrary0")).contains("increment");
  }

  @Test
  void aLookupOfAUriNobodyInsertedIsADeadlockWithAWitness() {
    Program p = Programs.load("""
        new lookup(`rho:registry:lookup`), ret in {
          lookup!(`rho:id:nobody`, *ret) | for (@v <- ret) { @"used"!(v) }
        }
        """);
    CheckResult r = check(p, "eventually deadlock");
    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    assertThat(r.witness()).isPresent();
    // the lookup takes the request, then waits on the missing entry as the client waits
    assertThat(r.witness().orElseThrow().steps()).hasSize(1);
    StateView end = p.replay(r.witness().orElseThrow()).get(1);
    assertThat(end.isDeadlocked()).isTrue();
    assertThat(end.print()).contains("rho:registry:entry").contains("rho:id:nobody");
    assertThat(check(p, "deadlock_free").verdict()).isEqualTo(Verdict.NO);
  }

  @Test
  void twoInsertionsGetTwoUrisAndBothAnswer() {
    Program p = Programs.load("""
        new insertArbitrary(`rho:registry:insertArbitrary`), lookup(`rho:registry:lookup`),
            a, b in {
          insertArbitrary!("one", *a) | insertArbitrary!("two", *b) |
          for (@ua <- a & @ub <- b) {
            lookup!(ua, *a) | lookup!(ub, *b) |
            for (@va <- a & @vb <- b) { @"got"!(va ++ vb) | @"same"!(ua == ub) }
          }
        }
        """);
    assertThat(check(p, "inevitably contains \"got\"!(\"onetwo\")").verdict())
        .isEqualTo(Verdict.YES);
    assertThat(check(p, "inevitably contains \"same\"!(false)").verdict())
        .isEqualTo(Verdict.YES);
  }

  @Test
  void aLookupWaitsUntilTheEntryIsInserted() {
    Program p = Programs.load("""
        new insertArbitrary(`rho:registry:insertArbitrary`), lookup(`rho:registry:lookup`),
            uriCh, ret in {
          for (@uri <- uriCh) { lookup!(uri, *ret) } |
          insertArbitrary!(7, *uriCh) |
          for (@v <- ret) { @"got"!(v) }
        }
        """);
    assertThat(check(p, "inevitably contains \"got\"!(7)").verdict()).isEqualTo(Verdict.YES);
  }

  @Test
  void insertSignedOfAnUnknownDeployerWaitsOnTheUnsupportedName() {
    Program p = Programs.load("""
        new insertSigned(`rho:registry:insertSigned:secp256k1`),
            deployerId(`rho:rchain:deployerId`), uriCh in {
          insertSigned!((1, "value"), *deployerId, *uriCh)
        }
        """);
    CheckResult r = check(p,
        "eventually contains `rho:registry:insertSigned:unsupported`!(_, _, _)");
    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    assertThat(NameWarnings.systemNames(p.source().process()))
        .anySatisfy(w -> assertThat(w).startsWith("unsupported: `rho:registry:insertSigned"));
  }

  @Test
  void programsMayNotCallTheRegistrysReservedMethod() {
    assertThatThrownBy(() -> Programs.load("@\"x\"!(0.registryUri())"))
        .isInstanceOf(LangException.class).hasMessageContaining("registryUri");
  }

  @Test
  void unmodelledSystemNamesAreWarnedAboutWithWhatTheirCallersWaitFor() {
    var process = ProcessParser.parse("<t>", """
        new ops(`rho:registry:ops`), rs(`rho:registry:insertSigned:secp256k1`),
            rev(`rho:rev:address`), block(`rho:block:data`), out(`rho:io:stdout`),
            ret in { ops!("buildUri", "00".hexToBytes(), *ret) | rev!("validate", "1111", *ret) |
                     block!(*ret) | out!("hi") | rs!((1, 2), *ret, *ret) }
        """).process();
    assertThat(NameWarnings.systemNames(process))
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("`rho:registry:ops` is not modelled")
            .contains("a URI built from a byte array"))
        .anySatisfy(w -> assertThat(w).startsWith("unsupported: `rho:registry:insertSigned")
            .contains("never gets the URI"));
  }

  @Test
  void aProgramWithoutSystemNamesHasNoWarnings() {
    assertThat(NameWarnings.systemNames(ProcessParser.parse("<t>", "@\"x\"!(1)").process()))
        .isEmpty();
  }
}
