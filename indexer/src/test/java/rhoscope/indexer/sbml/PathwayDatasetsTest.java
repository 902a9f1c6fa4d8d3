package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SBML models of {@code datasets/pathways/} (their verdicts are checked by the datasets table
 * test): each names its source, imports cleanly and stays small enough to explore completely.
 */
class PathwayDatasetsTest {
  private static final Path PATHWAYS = Path.of("..", "datasets", "pathways");

  private static final Set<ImportWarning.Kind> BY_DESIGN =
      EnumSet.of(ImportWarning.Kind.SEMANTICS_SUBSTITUTED, ImportWarning.Kind.RATE_LAWS_IGNORED);

  static List<Path> pathways() throws IOException {
    try (Stream<Path> files = Files.list(PATHWAYS)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  @Test
  void atLeastTwentyFourModelsShip() throws IOException {
    assertThat(pathways()).hasSizeGreaterThanOrEqualTo(24);
  }

  /**
   * Issue 16's promise for the rate-law models: at least ten of them, and among them inhibitors
   * (by SBO term or left to the rate law), reversible reactions and rules all occur.
   */
  @Test
  void theRateLawModelsUseInhibitorsReversibleReactionsAndRules() throws IOException {
    List<String> kinetic = new ArrayList<>();
    for (Path file : pathways()) {
      String sbml = Files.readString(file, StandardCharsets.UTF_8);
      if (sbml.contains("<kineticLaw>")) {
        kinetic.add(sbml);
      }
    }

    assertThat(kinetic).hasSizeGreaterThanOrEqualTo(10);
    assertThat(kinetic.stream().filter(s -> s.contains("sboTerm=\"SBO:0000020\"")).count())
        .as("models with an SBO:0000020 inhibitor")
        .isGreaterThanOrEqualTo(5);
    assertThat(kinetic.stream().filter(s -> s.contains("reversible=\"true\"")).count())
        .as("models with a reversible reaction")
        .isGreaterThanOrEqualTo(5);
    assertThat(kinetic)
        .as("every rate-law model has an initial assignment or a rule")
        .allMatch(s -> s.contains("<listOfInitialAssignments>") || s.contains("<listOfRules>"));
  }

  @ParameterizedTest
  @MethodSource("pathways")
  void modelNamesItsSourcePublicationInItsNotes(Path file) throws IOException {
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .containsPattern("<p>Source: [^<]+, \\d{4}\\.</p>");
  }

  /**
   * The only caveats a shipped model may have are the ones it is written to have: a qual model read
   * under its own semantics, rate laws read only for the modifiers' roles, and assignment rules
   * for readouts and rate parameters (never for a species, which the rule would freeze).
   */
  @ParameterizedTest
  @MethodSource("pathways")
  void modelImportsWithoutCaveatsAndItsWholeStateSpaceIsSmall(Path file) throws IOException {
    ImportedModel model = SbmlImporter.importFile(file, ImportOptions.defaults());
    SpeciesStates.Exploration run = SpeciesStates.of(model.process()).explore(s -> false, 10_000);
    String sbml = Files.readString(file, StandardCharsets.UTF_8);

    assertThat(model.warnings())
        .allSatisfy(
            w ->
                assertThat(
                        BY_DESIGN.contains(w.kind())
                            || w.kind() == ImportWarning.Kind.ASSIGNMENT_RULE_FROZEN
                                && !sbml.contains("<species id=\"" + w.element() + "\""))
                    .as("%s: %s", file, w.message())
                    .isTrue());
    assertThat(run.complete()).as("complete boolean exploration within 10,000 states").isTrue();
  }
}
