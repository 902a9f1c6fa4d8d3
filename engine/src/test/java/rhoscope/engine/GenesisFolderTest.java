package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/** A genesis folder written by the test: signed insertions, their nonces and shorthands. */
class GenesisFolderTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Environment genesis() throws IOException {
    write("Registry.rho", """
        let @shorthands <- { `rho:test:greeter` : `rho:id:greeter1`,
                             `rho:test:versioned` : `rho:id:versioned1` } in { Nil }
        """);
    write("Greeter.rho", """
        // uri = rho:id:greeter1
        new rs(`rho:registry:insertSigned:secp256k1`), deployerId(`rho:rchain:deployerId`),
            uriOut, greeter in {
          contract greeter(@name, ret) = { ret!("hello " ++ name) } |
          rs!((9223372036854775807, bundle+{*greeter}), *deployerId, *uriOut) |
          for (@uri <- uriOut) { @"greeterAt"!(uri) }
        }
        """);
    write("Versioned.rho", """
        // uri = rho:id:versioned1
        new rs(`rho:registry:insertSigned:secp256k1`), deployerId(`rho:rchain:deployerId`),
            a, b, c in {
          rs!((1, "old"), *deployerId, *a) |
          for (_ <- a) {
            rs!((2, "new"), *deployerId, *b) |
            for (_ <- b) {
              rs!((2, "stale"), *deployerId, *c) |
              for (@r <- c) { @"staleAnswer"!(r) }
            }
          }
        }
        """);
    write("Notes.rho", "// no header URI: not a deploy\n@\"notes\"!(1)\n");
    return Environment.genesis(dir);
  }

  private static Program load(Environment env, String source) {
    return Engine.load(ProcessParser.parse("test.rho", source), env);
  }

  private static Verdict check(Program p, String type) {
    return ModelChecker.check(p, TypeParser.parse("<t>", type), CheckOptions.defaults()).verdict();
  }

  @Test
  void eachDeployRegistersUnderItsHeaderUriAndAnswersItsSigner() throws IOException {
    Environment env = genesis();
    assertThat(env.genesisDeploys()).containsOnlyKeys("Greeter.rho", "Versioned.rho");
    Program p = load(env, "Nil");
    assertThat(p.registrations(p.initialState()))
        .containsOnlyKeys("rho:id:greeter1", "rho:id:versioned1",
            // rhoscope's stand-ins for the services Registry.rho itself registers
            "rho:lang:treeHashMap", "rho:registry:systemContractManager",
            "rho:rchain:configPublicKeyCheck");
    assertThat(p.initialState().print()).contains("@\"greeterAt\"!(`rho:id:greeter1`)")
        .doesNotContain("notes");
  }

  @Test
  void aShorthandLooksUpTheSignedContractAndCallsIt() throws IOException {
    Program p = load(genesis(), """
        new rl(`rho:registry:lookup`), ch, ret in {
          rl!(`rho:test:greeter`, *ch) |
          for (@(_, greeter) <- ch) { @greeter!("joe", *ret) } |
          for (@msg <- ret) { @"greeting"!(msg) }
        }
        """);
    assertThat(check(p, "inevitably contains \"greeting\"!(\"hello joe\")")).isEqualTo(Verdict.YES);
  }

  @Test
  void aHigherNonceReplacesTheEntryAndANonHigherOneIsRefusedWithNil() throws IOException {
    Environment env = genesis();
    Program p = load(env, """
        new rl(`rho:registry:lookup`), ch in {
          rl!(`rho:test:versioned`, *ch) | for (@(n, v) <- ch) { @"value"!(n, v) }
        }
        """);
    assertThat(check(p, "inevitably contains \"value\"!(2, \"new\")")).isEqualTo(Verdict.YES);
    assertThat(p.initialState().print()).contains("@\"staleAnswer\"!(Nil)");
  }

  @Test
  void theProgramsOwnDeployerCannotSignForAGenesisUri() throws IOException {
    Program p = load(genesis(), """
        new rs(`rho:registry:insertSigned:secp256k1`), deployerId(`rho:rchain:deployerId`),
            uriOut in {
          rs!((9223372036854775807, "mine"), *deployerId, *uriOut)
        }
        """);
    assertThat(check(p,
        "inevitably contains `rho:registry:insertSigned:unsupported`!(_, _, _)"))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void aFolderWithoutARegistryShorthandTableIsRefusedWithItsName() throws IOException {
    write("Greeter.rho", "// uri = rho:id:greeter1\nNil\n");
    assertThatThrownBy(() -> Environment.genesis(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Registry.rho in " + dir.toAbsolutePath().normalize());
  }
}
