package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.print.ProcessPrinter;

/**
 * Imports the curated BioModels files of the shared corpus (read in place, never copied into the
 * repository); skipped with a message when the corpus is not there.
 */
class BioModelsCorpusTest {
  private static final Path BIOMODELS =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels");

  private static List<Path> corpus() throws IOException {
    assumeTrue(
        Files.isDirectory(BIOMODELS),
        "shared corpus absent at " + BIOMODELS.toAbsolutePath().normalize() + "; skipping");
    try (Stream<Path> files = Files.list(BIOMODELS)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  @Test
  void atLeastNinetyPercentOfTheCorpusImportsUnderBooleanSemantics() throws IOException {
    List<Path> files = corpus();
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      try {
        SbmlImporter.importFile(f, ImportOptions.defaults());
      } catch (SbmlImportException e) {
        failures.add(e.getMessage());
      }
    }

    assertThat(files).hasSizeGreaterThanOrEqualTo(30);
    assertThat(files.size() - failures.size())
        .as("imported %d of %d; failures:%n%s", files.size() - failures.size(), files.size(),
            String.join("\n", failures))
        .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * files.size()));
    assertThat(failures).as("every failure names its file").allMatch(m -> m.contains(".xml"));
  }

  @Test
  void everyImportedProcessPrintsAsRholangThatParsesBackToTheSameTree() throws IOException {
    List<String> mismatches = new ArrayList<>();
    for (Path f : corpus()) {
      for (Semantics s : List.of(new Semantics.Boolean(), new Semantics.Counts(3))) {
        ImportedModel m = SbmlImporter.importFile(f, ImportOptions.of(s));
        String text = ProcessPrinter.print(m.process());
        if (!ProcessParser.parse(f.toString(), text).process().equals(m.process())) {
          mismatches.add(f.getFileName() + " under " + s.label());
        }
      }
    }

    assertThat(mismatches).isEmpty();
  }

  @Test
  void qualModelOfTheCorpusImportsUnderTheLogicalSemantics() throws IOException {
    corpus();
    ImportedModel m =
        SbmlImporter.importFile(BIOMODELS.resolve("BIOMD0000000562.xml"), ImportOptions.defaults());

    assertThat(m.semantics()).isEqualTo(new Semantics.Qual());
    assertThat(SpeciesStates.of(m.process()).initial().values()).containsKeys("erk", "nfkb", "tnfa");
  }

  @Test
  void huangFerrellCascadeCanDoublyPhosphorylateMapkButNotWithoutItsActivator() throws IOException {
    corpus();
    Path mapk = BIOMODELS.resolve("BIOMD0000000009.xml");

    SpeciesStates withE1 = SpeciesStates.of(SbmlImporter.importFile(mapk, ImportOptions.defaults()).process());
    SpeciesStates.Exploration yes = withE1.explore(s -> s.present("PP_K"), 5_000_000);
    SpeciesStates noE1 =
        SpeciesStates.of(
            SbmlImporter.importFile(mapk, new ImportOptions(new Semantics.Boolean(), Map.of("E1", 0)))
                .process());
    SpeciesStates.Exploration no = noE1.explore(s -> s.present("PP_K"), 5_000_000);

    assertThat(yes.witness()).isPresent();
    assertThat(yes.witness().get().getFirst()).isEqualTo(withE1.initial());
    assertThat(yes.witness().get().getLast().present("PP_K")).isTrue();
    assertThat(no.witness()).isEmpty();
    assertThat(no.complete()).isTrue();
  }
}
