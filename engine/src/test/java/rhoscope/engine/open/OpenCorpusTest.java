package rhoscope.engine.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Findings;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;

/**
 * RChain's own Rholang (the shared corpus, read in place) under a most-general client making one
 * call, bounded: every file the engine loads closed also loads open and is checked to a verdict
 * or an honest unknown, never an error; a file that offers contracts on public names is called,
 * and any deadlock found then is a caller left waiting, never the library's own wait.
 */
class OpenCorpusTest {
  private static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "rholang", "rchain");
  private static final CheckOptions BOUNDED = CheckOptions.defaults().withWorkers(1)
      .withMaxStates(5_000).withTimeout(Duration.ofSeconds(10));

  @Test
  void rchainFilesCheckOpenWithoutErrorAndOnlyCallersDeadlock() throws IOException {
    assumeThat(Files.isDirectory(CORPUS))
        .as("the shared corpus is not at %s; skipping", CORPUS.toAbsolutePath()).isTrue();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(p -> p.toString().endsWith(".rho")).sorted().toList();
    }
    CheckPlan deadlockFree = CheckPlan.parse("<type>", "deadlock_free");
    int called = 0;
    int casper = 0;
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      ParsedProcess parsed;
      try {
        parsed = ProcessParser.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
        Engine.load(parsed);
      } catch (LangException e) {
        continue; // the closed corpus test accounts for what the engine cannot load
      }
      Program open = Engine.load(parsed, OpenSystem.calls(1));
      MostGeneralClient client = open.client().orElseThrow();
      if (f.toString().contains("casper")) {
        casper++;
      }
      if (client.callables().isEmpty()) {
        assertThat(open.open().isOpen()).as("%s: nothing to call, checked closed", f).isFalse();
        continue;
      }
      called++;
      CheckResult r = deadlockFree.check(open, BOUNDED);
      if (r.verdict() == Verdict.NO) {
        StateView last = open.replay(r.witness().orElseThrow()).getLast();
        List<String> findings = Findings.of(last);
        if (findings.stream().noneMatch(s -> s.startsWith("deadlock: ")
            && s.contains(" waits on " + MostGeneralClient.RETURN + ","))) {
          problems.add(f + ": a deadlock with no caller waiting: " + findings);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(called).as("files offering contracts on public names").isGreaterThanOrEqualTo(5);
    assertThat(casper).as("RChain's casper libraries (RevVault, MakeMint, ...)").isPositive();
  }
}
