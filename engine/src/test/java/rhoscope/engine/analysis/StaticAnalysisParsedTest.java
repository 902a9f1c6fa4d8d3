package rhoscope.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;

/** Static analysis of parsed Rholang: contracts as written, and the RChain corpus. */
class StaticAnalysisParsedTest {

  private static StaticFeatures analyse(String source) {
    return StaticAnalysis.of(ProcessParser.parse("test.rho", source).process());
  }

  @Test
  void aWithdrawContractRacesOnTheBalanceItTakesAndPutsBack() {
    StaticFeatures f =
        analyse(
            """
            new balance, withdraw, ret1, ret2 in {
              balance!(100) |
              contract withdraw(@amount, ret) = {
                for (@current <- balance) {
                  if (current >= amount) { balance!(current - amount) | ret!(true) }
                  else { balance!(current) | ret!(false) }
                }
              } |
              withdraw!(70, *ret1) |
              withdraw!(70, *ret2) |
              for (@ok <- ret1) { @"client1"!(ok) } |
              for (@ok <- ret2) { @"client2"!(ok) }
            }
            """);

    assertThat(f.raceCandidates()).contains("balance");
    assertThat(f.declaredNames()).containsExactly("balance", "ret1", "ret2", "withdraw");
    assertThat(f.dependencies())
        .contains(
            new Dependency("withdraw", "balance"),
            new Dependency("balance", "balance"),
            new Dependency("balance", "?ret"),
            new Dependency("ret1", "\"client1\""));
    assertThat(f.cycles()).containsExactly(List.of("balance"));
    assertThat(f.freeNames()).containsExactly("\"client1\"", "\"client2\"");
  }

  @Test
  void aDeadlyEmbraceIsACycleOfTheDependencyGraph() {
    StaticFeatures f =
        analyse(
            """
            new a, b in {
              for (_ <- a) { b!(Nil) } |
              for (_ <- b) { a!(Nil) }
            }
            """);

    assertThat(f.cycles()).containsExactly(List.of("a", "b"));
    assertThat(f.raceCandidates()).isEmpty();
    assertThat(f.hasLinearReceive()).isTrue();
  }

  @Test
  void systemUrisAreFreeNamesWithTheirNamespaces() {
    StaticFeatures f =
        analyse(
            """
            new lookup(`rho:registry:lookup`), stdout(`rho:io:stdout`), ret in {
              lookup!(`rho:id:abc`, *ret) | for (x <- ret) { stdout!("found") }
            }
            """);

    assertThat(f.freeNames()).containsExactly("`rho:io:stdout`", "`rho:registry:lookup`");
    assertThat(f.namespaces()).containsExactly("rho", "rho:io", "rho:registry");
    assertThat(f.dependencies()).containsExactly(new Dependency("ret", "`rho:io:stdout`"));
  }

  /** Every parsable contract of the RChain corpus analyses, and the results are coherent. */
  @Test
  void everyParsableCorpusContractAnalysesCoherently() throws IOException {
    Path corpus = Path.of("..", "..", "shared", "corpus", "rholang");
    Assumptions.assumeTrue(
        Files.isDirectory(corpus), "the shared corpus is absent (" + corpus.toAbsolutePath() + ")");
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".rho")).sorted().toList();
    }
    int analysed = 0;
    for (Path p : files) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      StaticFeatures f;
      try {
        f = StaticAnalysis.of(ProcessParser.parse(p.toString(), text).process());
      } catch (LangException e) {
        continue;
      }
      analysed++;
      Set<String> labels = new HashSet<>(f.channelLabels());
      for (Dependency d : f.dependencies()) {
        assertThat(labels).as(p + " " + d).contains(d.from(), d.to());
      }
      for (List<String> cycle : f.cycles()) {
        assertThat(labels).as(p.toString()).containsAll(cycle);
      }
      assertThat(labels).as(p.toString()).containsAll(f.raceCandidates());
      assertThat(f.literals())
          .as(p.toString())
          .containsAll(
              f.freeNames().stream().filter(n -> n.startsWith("\"") || n.startsWith("`")).toList());
    }
    assertThat(analysed).isGreaterThan(files.size() / 2);
  }
}
