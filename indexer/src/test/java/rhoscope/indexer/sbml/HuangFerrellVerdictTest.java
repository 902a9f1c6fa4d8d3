package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.parse.TypeParser;
import rhoscope.lang.print.ProcessPrinter;

/**
 * The acceptance check of SBML import on the Huang-Ferrell MAPK cascade (BIOMD0000000009, from the
 * shared corpus), with the engine's model checker: doubly phosphorylated MAPK is reachable under
 * boolean semantics, with a witness, and unreachable once the MAPKKK activator E1 is knocked out,
 * by a complete exploration. Reaching PP_K takes ten reactions and the boolean over-approximation
 * branches a lot on the way, hence slow.
 */
@Tag("slow")
class HuangFerrellVerdictTest {
  private static final Path MAPK =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels", "BIOMD0000000009.xml");
  private static final String QUERY = "eventually contains \"PP_K\"!(_)";

  private static Program program(ImportOptions options) {
    assumeTrue(Files.isRegularFile(MAPK), "shared corpus absent: " + MAPK.toAbsolutePath());
    ImportedModel model = SbmlImporter.importFile(MAPK, options);
    ParsedProcess process =
        new ParsedProcess(
            MAPK.toString(),
            ProcessPrinter.print(model.process()),
            model.process(),
            Positions.empty());
    return Engine.load(process);
  }

  private static CheckResult check(ImportOptions options) {
    return check(program(options));
  }

  private static CheckResult check(Program program) {
    return ModelChecker.check(program, TypeParser.parse("query", QUERY), CheckOptions.defaults());
  }

  @Test
  void doublyPhosphorylatedMapkIsReachableWithAWitness() {
    Program program = program(ImportOptions.defaults());
    CheckResult result = check(program);

    assertThat(result.verdict()).isEqualTo(Verdict.YES);
    assertThat(result.witness()).isPresent();
    assertThat(result.witness().get().steps()).isNotEmpty();
    assertThat(program.replay(result.witness().get()).getLast().print()).contains("@\"PP_K\"!(true)");
  }

  @Test
  void withoutTheActivatorE1ItIsUnreachableAndExplorationIsComplete() {
    CheckResult result = check(ImportOptions.parse("boolean", List.of("E1=0")));

    assertThat(result.verdict()).isEqualTo(Verdict.NO);
    assertThat(result.complete()).isTrue();
  }
}
