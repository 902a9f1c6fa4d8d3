package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.NameWarnings;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.reduce.SystemProcesses;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/**
 * rho:rev:address, rho:rchain:deployerId:ops, rho:block:data and toByteArray, as Rholang programs
 * call them, against published values and the corpus's RChain files.
 */
class SystemNamesTest {
  private static final Path RCHAIN = Path.of("..", "..", "shared", "corpus", "rholang", "rchain");
  private static final String BOOTSTRAP_KEY = "04ffc016579a68050d655d55df4e09f04605164543e257c8e6df"
      + "10361e6068a5336588e9b355ea859c5ab4285a5ef0efdf62bc28b80320ce99e26bb1607b3ad93d";
  private static final String BOOTSTRAP_ADDRESS = "1111AtahZeefej4tvVR6ti9TJtv8yxLebT31SCEVDCKMNikBk5r3g";
  private static final String POS_VAULT = "1111gW5kkGxHg7xDg6dRkZx2f7qxTizJzaCH9VEM1oJKWRvSX9Sk5";

  private static Verdict check(String source, String type) {
    return ModelChecker.check(Programs.load(source), TypeParser.parse("<t>", type),
        CheckOptions.defaults()).verdict();
  }

  private static String corpus(String path) throws IOException {
    Path file = RCHAIN.resolve(path);
    Assumptions.assumeTrue(Files.isRegularFile(file),
        "the RChain corpus is not at " + RCHAIN.toAbsolutePath() + ": test skipped");
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void revAddressValidatesAsRnodeDoes() {
    String source = """
        new rev(`rho:rev:address`), a, b, c in {
          rev!("validate", "%s", *a) | rev!("validate", "%s", *b) | rev!("validate", 42, *c) |
          for (@x <- a & @y <- b & @z <- c) { @"checked"!(x, y, z) }
        }
        """.formatted(POS_VAULT, POS_VAULT.replace("Sk5", "Sk6"));
    assertThat(check(source, "inevitably contains \"checked\"!(Nil, \"Invalid checksum\", Nil)"))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void revAddressOfAPublicKeyIsThePublishedOne() {
    String source = """
        new rev(`rho:rev:address`), a, b in {
          rev!("fromPublicKey", "%s".hexToBytes(), *a) | rev!("fromPublicKey", "04".hexToBytes(), *b) |
          for (@x <- a & @y <- b) { @"address"!(x, y) }
        }
        """.formatted(BOOTSTRAP_KEY);
    assertThat(check(source, "inevitably contains \"address\"!(\"" + BOOTSTRAP_ADDRESS + "\", Nil)"))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void theDeployersKeyAndAddressAreTheDocumentedOnes() {
    String source = """
        new rev(`rho:rev:address`), ops(`rho:rchain:deployerId:ops`),
            deployerId(`rho:rchain:deployerId`), k, a, b, nokey in {
          ops!("pubKeyBytes", *deployerId, *k) | ops!("pubKeyBytes", "someone", *nokey) |
          rev!("fromDeployerId", *deployerId, *a) |
          for (@key <- k & @noKey <- nokey) {
            rev!("fromPublicKey", key, *b) |
            for (@x <- a & @y <- b) { @"deployer"!(key.bytesToHex(), noKey, x == y) }
          }
        }
        """;
    assertThat(check(source, "inevitably contains \"deployer\"!(\""
        + SystemProcesses.DEPLOYER_KEY + "\", Nil, true)")).isEqualTo(Verdict.YES);
  }

  @Test
  void anUnforgeableNameKeepsItsAddressAndTwoNamesHaveTwo() {
    String source = """
        new rev(`rho:rev:address`), u, v, a, b, c, d in {
          rev!("fromUnforgeable", *u, *a) |
          for (@x <- a) {
            rev!("fromUnforgeable", *u, *b) | rev!("fromUnforgeable", *v, *c) |
            rev!("fromUnforgeable", "not a name", *d) |
            for (@y <- b & @z <- c & @w <- d) {
              rev!("validate", z, *a) |
              for (@valid <- a) { @"addresses"!(x == y, x == z, w, valid) }
            }
          }
        }
        """;
    assertThat(check(source, "inevitably contains \"addresses\"!(true, false, Nil, Nil)"))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void blockDataAnswersTheDocumentedBlock() {
    String source = """
        new bd(`rho:block:data`), ret in {
          bd!(*ret) | for (@n, @sender <- ret) { @"block"!(n, sender.bytesToHex()) }
        }
        """;
    assertThat(check(source, "inevitably contains \"block\"!(" + SystemProcesses.BLOCK_NUMBER
        + ", \"" + SystemProcesses.BLOCK_SENDER + "\")")).isEqualTo(Verdict.YES);
  }

  @Test
  void toByteArrayOfGroundDataIsRnodesProtobuf() {
    // "TEST": Par{exprs: [Expr{g_string: "TEST"}]}; the tuple's nonce is the prefix the genesis
    // headers sign (RevVault.rho, "toSign = 2a40aa013d0a0d2a0b10feffffffffffffffff01...").
    String source = """
        @"bytes"!("TEST".toByteArray().bytesToHex(), Nil.toByteArray().length(),
            (9223372036854775807, true).toByteArray().bytesToHex(),
            [-1, `rho:a`, "00".hexToBytes()].toByteArray().bytesToHex())
        """;
    assertThat(check(source, "inevitably contains \"bytes\"!(\"2a061a0454455354\", 0,"
        + " \"2a18aa01150a0d2a0b10feffffffffffffffff010a042a020801\","
        + " \"2a1ca20119" + "0a042a021001" + "0a092a07220572686f3a61" + "0a062a04ca010100\")"))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void equalProcessesHaveEqualBytesAndNamesHaveNone() {
    String source = """
        new x in {
          @"p"!(@"a"!(1) | @"b"!({2: 3}), @"b"!({2: 3}) | @"a"!(1), @"a"!(2)) |
          for (@p, @q, @r <- @"p") {
            @"same"!(p.toByteArray() == q.toByteArray(), p.toByteArray() == r.toByteArray())
          } |
          @"named"!((*x).toByteArray())
        }
        """;
    assertThat(check(source, "inevitably contains \"same\"!(true, false)")).isEqualTo(Verdict.YES);
    assertThat(check(source, "eventually contains \"named\"!(_)")).isEqualTo(Verdict.NO);
  }

  @Test
  void theCorpusContractsOnTheseNamesNoLongerWarnAndRun() throws IOException {
    for (String path : new String[] {"rholang/examples/block-data.rho",
        "rholang/examples/vault_demo/1.know_ones_revaddress.rho",
        "integration-tests/resources/cost/contract_4.rho"}) {
      String text = corpus(path);
      assertThat(NameWarnings.systemNames(ProcessParser.parse(path, text).process()))
          .as(path).isEmpty();
    }
    assertThat(check(corpus("rholang/examples/block-data.rho"), "deadlock_free"))
        .isEqualTo(Verdict.YES);
    assertThat(check(corpus("integration-tests/resources/cost/contract_4.rho"), "deadlock_free"))
        .isEqualTo(Verdict.YES);
    String known = corpus("rholang/examples/vault_demo/1.know_ones_revaddress.rho")
        .replace("%PUB_KEY", BOOTSTRAP_KEY)
        .replace("stdout!((\"RevAddress for pubKey\", pubKey, \"is\", revAddress))",
            "@\"out\"!(revAddress)");
    assertThat(known).contains("@\"out\"!(revAddress)");
    assertThat(check(known, "inevitably contains \"out\"!(\"" + BOOTSTRAP_ADDRESS + "\")"))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void theRemainingUnmodelledNamesStillWarn() {
    var process = ProcessParser.parse("<t>", """
        new ops(`rho:registry:ops`), rev(`rho:rev:address`), ret in {
          ops!("buildUri", "00".hexToBytes(), *ret) | rev!("validate", "1111", *ret)
        }
        """).process();
    assertThat(NameWarnings.systemNames(process)).singleElement().asString()
        .contains("`rho:registry:ops` is not modelled").contains("a URI built from a byte array");
  }
}
