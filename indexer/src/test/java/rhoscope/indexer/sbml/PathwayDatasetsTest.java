package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  static List<Path> pathways() throws IOException {
    try (Stream<Path> files = Files.list(PATHWAYS)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  @Test
  void atLeastTwelveModelsShip() throws IOException {
    assertThat(pathways()).hasSizeGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest
  @MethodSource("pathways")
  void modelNamesItsSourcePublicationInItsNotes(Path file) throws IOException {
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .containsPattern("<p>Source: [^<]+, \\d{4}\\.</p>");
  }

  @ParameterizedTest
  @MethodSource("pathways")
  void modelImportsWithoutCaveatsAndItsWholeStateSpaceIsSmall(Path file) {
    ImportedModel model = SbmlImporter.importFile(file, ImportOptions.defaults());
    SpeciesStates.Exploration run = SpeciesStates.of(model.process()).explore(s -> false, 10_000);

    assertThat(model.warnings())
        .extracting(ImportWarning::kind)
        .allMatch(k -> k == ImportWarning.Kind.SEMANTICS_SUBSTITUTED);
    assertThat(run.complete()).as("complete boolean exploration within 10,000 states").isTrue();
  }
}
