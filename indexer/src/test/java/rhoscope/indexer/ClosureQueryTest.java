package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.check.Method;
import rhoscope.engine.check.Verdict;

/**
 * Queries over a database holding a boolean SBML model whose exploration at ingest stopped early:
 * the planner still rules it out for a species outside its presence closure, the checker answers
 * reachable species from the closure, and the verdict cache keeps the method.
 */
class ClosureQueryTest {
  @TempDir Path dir;

  /** A -> B needs E; B -> C; D is made only from X, which is never present. */
  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
        <model id="chain">
          <listOfCompartments>
            <compartment id="c" size="1" constant="true" spatialDimensions="3"/>
          </listOfCompartments>
          <listOfSpecies>
            <species id="A" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"
                boundaryCondition="false" constant="false"/>
            <species id="B" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"
                boundaryCondition="false" constant="false"/>
            <species id="C" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"
                boundaryCondition="false" constant="false"/>
            <species id="D" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"
                boundaryCondition="false" constant="false"/>
            <species id="X" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"
                boundaryCondition="false" constant="false"/>
          </listOfSpecies>
          <listOfReactions>
            <reaction id="ab" reversible="false" fast="false">
              <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
              <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
            </reaction>
            <reaction id="bc" reversible="false" fast="false">
              <listOfReactants><speciesReference species="B" stoichiometry="1" constant="true"/></listOfReactants>
              <listOfProducts><speciesReference species="C" stoichiometry="1" constant="true"/></listOfProducts>
            </reaction>
            <reaction id="xd" reversible="false" fast="false">
              <listOfReactants><speciesReference species="X" stoichiometry="1" constant="true"/></listOfReactants>
              <listOfProducts><speciesReference species="D" stoichiometry="1" constant="true"/></listOfProducts>
            </reaction>
          </listOfReactions>
        </model>
      </sbml>
      """;

  private ProcessDatabase indexed() throws IOException {
    Path f = dir.resolve("src").resolve("chain.xml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, MODEL, StandardCharsets.UTF_8);
    ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"));
    // one state: the exploration at ingest is incomplete, so its features prune nothing
    IndexSummary s =
        db.index(
            List.of(f),
            IndexOptions.defaults().withExploration(1, Duration.ofSeconds(5)),
            IndexProgress.NONE);
    assertThat(s.failed()).isEmpty();
    assertThat(db.get(db.list().get(0).id()).orElseThrow().features().exploration().complete())
        .isFalse();
    return db;
  }

  @Test
  void theIndexRulesOutASpeciesOutsideTheClosureThoughExplorationWasIncomplete()
      throws IOException {
    try (ProcessDatabase db = indexed()) {
      QueryResult never = db.query(QueryRequest.of("eventually contains \"D\"!(_)"));
      QueryResult scanned =
          db.query(QueryRequest.of("eventually contains \"D\"!(_)").withPlanner(false));

      assertThat(db.get(db.list().get(0).id()).orElseThrow().features().neverCarried())
          .containsExactly("\"D\"", "\"X\"");
      assertThat(never.stats().prunedByIndex()).isEqualTo(1);
      assertThat(never.results()).isEmpty();
      assertThat(scanned.stats().prunedByIndex()).isZero();
      assertThat(scanned.stats().matched()).isZero();
      assertThat(scanned.stats().unknown()).isZero();
    }
  }

  @Test
  void aReachableSpeciesIsAnsweredByTheClosureAndTheCacheKeepsTheMethod() throws IOException {
    try (ProcessDatabase db = indexed()) {
      QueryRequest request = QueryRequest.of("eventually contains (\"A\"!(_) | \"C\"!(_))");
      ProcessVerdict first = db.query(request).results().get(0);
      ProcessVerdict again = db.query(request).results().get(0);

      assertThat(first.verdict()).isEqualTo(Verdict.YES);
      assertThat(first.method()).isEqualTo(Method.CLOSURE);
      assertThat(first.finalState()).contains("@\"C\"!(true)").contains("@\"A\"!(true)");
      assertThat(again.cached()).isTrue();
      assertThat(again.method()).isEqualTo(Method.CLOSURE);
      assertThat(again.witness()).isEqualTo(first.witness());
    }
  }
}
