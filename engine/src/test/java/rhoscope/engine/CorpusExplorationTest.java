package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;

/**
 * Real contracts from the RChain repository (the shared corpus): every one the parser
 * accepts either loads, or is refused with UNSUPPORTED / UNBOUND_VARIABLE and a position,
 * and every loaded one explores within its bounds and prints, without any other failure.
 */
class CorpusExplorationTest {

  @Test
  void everyParsedContractLoadsOrIsRefusedCleanlyAndExploresWithinBounds() throws IOException {
    List<Path> files = RholangCorpus.files();
    List<String> failures = new ArrayList<>();
    int loaded = 0;
    for (Path f : files) {
      ParsedProcess parsed;
      try {
        parsed = ProcessParser.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
      } catch (LangException e) {
        continue; // the parser's concern, tested in query-lang
      }
      Program program;
      try {
        program = Engine.load(parsed);
      } catch (LangException e) {
        if (e.code() != ErrorCode.UNSUPPORTED && e.code() != ErrorCode.UNBOUND_VARIABLE
            || e.line() == 0) {
          failures.add(f + ": " + e.getMessage());
        }
        continue;
      }
      loaded++;
      try {
        ExploreResult r = Explorer.explore(program, ExploreOptions.defaults()
            .withMaxStates(300).withTimeout(Duration.ofSeconds(1)));
        assertThat(r.distinctStates()).isBetween(1L, 300L);
        assertThat(program.initialState().print()).isNotBlank();
      } catch (RuntimeException | AssertionError e) {
        failures.add(f + ": " + e);
      }
    }
    assertThat(loaded).isGreaterThan(0);
    assertThat(failures).isEmpty();
  }
}
