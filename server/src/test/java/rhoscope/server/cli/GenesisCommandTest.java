package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.server.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, {@code explore} and {@code query} with {@code --with-genesis}, and the system-name
 * warnings.
 */
class GenesisCommandTest {
  private static final Path GENESIS =
      Path.of("..", "..", "shared", "corpus", "rholang", "rchain", "casper", "src", "main",
          "resources");
  private static final String USES_REV_VAULT = """
      new rl(`rho:registry:lookup`), ch in {
        rl!(`rho:rchain:revVault`, *ch) |
        for (@(_, revVault) <- ch) { @"revVault"!(revVault) }
      }
      """;

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static void assumeCorpus() {
    Assumptions.assumeTrue(Files.isRegularFile(GENESIS.resolve("RevVault.rho")),
        "the RChain corpus is not at " + GENESIS.toAbsolutePath() + ": skipped");
  }

  @Test
  void aLookupOfRevVaultAnswersOnlyWithTheGenesis() throws IOException {
    assumeCorpus();
    Path file = write("client.rho", USES_REV_VAULT);
    String type = "eventually contains \"revVault\"!(_)";
    CliRun with = run("check", file.toString(), type, "--with-genesis=" + GENESIS);
    assertThat(with.exit()).as(with.err()).isZero();
    assertThat(with.out()).contains(": yes");
    CliRun without = run("check", file.toString(), type);
    assertThat(without.exit()).as(without.err()).isEqualTo(ExitCode.NO);
    assertThat(without.out()).contains(": no");
  }

  @Test
  void withGenesisWithoutAFolderFindsTheCorpusCopy() throws IOException {
    assumeCorpus();
    Path file = write("client.rho", USES_REV_VAULT);
    CliRun r = run("explore", file.toString(), "--with-genesis");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 transitions").contains("complete");
  }

  @Test
  void aQueryWithTheGenesisAnswersApartFromOneWithout() throws IOException {
    assumeCorpus();
    Path folder = tmp.resolve("client");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("client.rho"), USES_REV_VAULT, StandardCharsets.UTF_8);
    String db = tmp.resolve("db").toString();
    CliRun index = run("index", "--db", db, folder.toString());
    assertThat(index.exit()).as(index.err()).isZero();
    String type = "eventually contains \"revVault\"!(_)";
    CliRun without = run("query", "--db", db, type);
    assertThat(without.exit()).as(without.out() + without.err()).isEqualTo(ExitCode.NO);
    CliRun with = run("query", "--db", db, type, "--with-genesis=" + GENESIS);
    assertThat(with.exit()).as(with.out() + with.err()).isZero();
    assertThat(with.out()).contains("client").doesNotContain("(cached)");
    CliRun again = run("query", "--db", db, type, "--with-genesis=" + GENESIS);
    assertThat(again.out()).contains("(cached)");
    CliRun stillWithout = run("query", "--db", db, type);
    assertThat(stillWithout.exit()).as(stillWithout.out()).isEqualTo(ExitCode.NO);
  }

  /**
   * Indexed on the genesis, a file's features describe it beside the genesis: a genesis query
   * prunes with them, caches its verdicts, agrees with a direct check, counts a file indexed both
   * alone and on the genesis once, and a query without the genesis never sees the genesis entry.
   */
  @Test
  void aProcessIndexedOnTheGenesisIsQueriedFromTheIndexAndItsStoredVerdicts() throws IOException {
    assumeCorpus();
    Path folder = tmp.resolve("client");
    Files.createDirectories(folder);
    Path client = folder.resolve("client.rho");
    Files.writeString(client, USES_REV_VAULT, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("other.rho"), "@\"other\"!(1)", StandardCharsets.UTF_8);
    String db = tmp.resolve("db").toString();
    String genesis = "--with-genesis=" + GENESIS;
    CliRun index = run("index", "--db", db, folder.toString(), genesis);
    assertThat(index.exit()).as(index.err()).isZero();
    assertThat(index.out()).contains("2 added");
    String type = "eventually contains \"revVault\"!(_)";
    CliRun direct = run("check", client.toString(), type, genesis);
    assertThat(direct.out()).contains(": yes");

    CliRun first = run("query", "--db", db, type, genesis, "--json");
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("\"name\" : \"client.rho\"").contains("\"verdict\" : \"yes\"")
        .doesNotContain("other.rho").contains("\"cached\" : 0");
    CliRun again = run("query", "--db", db, type, genesis, "--json");
    assertThat(again.out()).contains("\"name\" : \"client.rho\"").contains("\"cached\" : 1")
        .contains("\"checked\" : 0");

    CliRun pruned = run("query", "--db", db, "eventually contains \"nowhere\"!(_)", genesis, "--json");
    assertThat(pruned.out()).as(pruned.out()).contains("\"processes\" : 2").contains("\"checked\" : 0");

    CliRun alone = run("query", "--db", db, type, "--json");
    assertThat(alone.out()).as(alone.out()).contains("\"processes\" : 0");

    assertThat(run("index", "--db", db, folder.toString()).out()).contains("2 added");
    CliRun both = run("query", "--db", db, "eventually contains \"other\"!(_)", genesis, "--json");
    assertThat(both.out()).as(both.out()).contains("\"processes\" : 2").contains("\"matched\" : 1");
    CliRun plain = run("query", "--db", db, type, "--json");
    assertThat(plain.out()).as(plain.out()).contains("\"processes\" : 2").contains("\"matched\" : 0");
  }

  @Test
  void aGenesisFolderThatDoesNotExistIsNamed() throws IOException {
    Path file = write("client.rho", USES_REV_VAULT);
    Path missing = tmp.resolve("no-such-folder");
    CliRun r = run("check", file.toString(), "deadlock_free", "--with-genesis=" + missing);
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains(missing.toString()).contains("does not exist")
        .doesNotContain("\tat ");
  }

  @Test
  void checkAndExploreWarnAboutUnmodelledSystemNames() throws IOException {
    Path file = write("ops.rho", """
        new ops(`rho:registry:ops`), ret in {
          ops!("buildUri", "00".hexToBytes(), *ret) | for (@uri <- ret) { @"uri"!(uri) }
        }
        """);
    CliRun check = run("check", file.toString(), "eventually contains \"uri\"!(_)");
    assertThat(check.exit()).as(check.err()).isEqualTo(ExitCode.NO);
    assertThat(check.err()).contains("warning: `rho:registry:ops` is not modelled")
        .contains("waits for ever");
    CliRun explore = run("explore", file.toString());
    assertThat(explore.err()).contains("warning: `rho:registry:ops` is not modelled");
  }
}
