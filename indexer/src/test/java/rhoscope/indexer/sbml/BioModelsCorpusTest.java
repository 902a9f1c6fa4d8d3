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
import org.junit.jupiter.api.Tag;
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
        .as(
            "imported %d of %d; failures:%n%s",
            files.size() - failures.size(), files.size(), String.join("\n", failures))
        .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * files.size()));
    assertThat(failures).as("every failure names its file").allMatch(m -> m.contains(".xml"));
  }

  @Test
  void importedProcessesPrintAsRholangThatParsesBackToTheSameTree() throws IOException {
    corpus();
    assertThat(
            roundTripMismatches(
                List.of("BIOMD0000000009.xml", "BIOMD0000000562.xml", "MODEL2207210001.xml")
                    .stream()
                    .map(BIOMODELS::resolve)
                    .toList()))
        .isEmpty();
  }

  /** The same on every corpus file: half a minute on a laptop, hence slow. */
  @Test
  @Tag("slow")
  void everyImportedProcessPrintsAsRholangThatParsesBackToTheSameTree() throws IOException {
    assertThat(roundTripMismatches(corpus())).isEmpty();
  }

  private static List<String> roundTripMismatches(List<Path> files) {
    List<String> mismatches = new ArrayList<>();
    for (Path f : files) {
      for (Semantics s : List.of(new Semantics.Boolean(), new Semantics.Counts(3))) {
        ImportedModel m = SbmlImporter.importFile(f, ImportOptions.of(s));
        String text = ProcessPrinter.print(m.process());
        if (!ProcessParser.parse(f.toString(), text).process().equals(m.process())) {
          mismatches.add(f.getFileName() + " under " + s.label());
        }
      }
    }
    return mismatches;
  }

  @Test
  void qualModelOfTheCorpusImportsUnderTheLogicalSemantics() throws IOException {
    corpus();
    ImportedModel m =
        SbmlImporter.importFile(BIOMODELS.resolve("BIOMD0000000562.xml"), ImportOptions.defaults());

    assertThat(m.semantics()).isEqualTo(new Semantics.Qual());
    assertThat(SpeciesStates.of(m.process()).initial().values())
        .containsKeys("erk", "nfkb", "tnfa");
  }

  /**
   * Boolean semantics lets every reactant stay present, so the present species can only grow along
   * some run; following growing steps finds a witness in at most one step per species, where a
   * breadth-first search would wade through the over-approximation's many states.
   */
  @Test
  void huangFerrellCascadeCanDoublyPhosphorylateMapkButNotWithoutItsActivator() throws IOException {
    corpus();
    Path mapk = BIOMODELS.resolve("BIOMD0000000009.xml");
    SpeciesStates withE1 =
        SpeciesStates.of(SbmlImporter.importFile(mapk, ImportOptions.defaults()).process());
    SpeciesStates noE1 =
        SpeciesStates.of(
            SbmlImporter.importFile(
                    mapk, new ImportOptions(new Semantics.Boolean(), Map.of("E1", 0)))
                .process());

    List<SpeciesStates.State> witness = new ArrayList<>(List.of(withE1.initial()));
    while (!witness.getLast().present("PP_K")) {
      SpeciesStates.State now = witness.getLast();
      witness.add(
          withE1.successors(now).stream()
              .filter(next -> grows(now, next))
              .findFirst()
              .orElseThrow(() -> new AssertionError("stuck before PP_K at " + now)));
    }
    SpeciesStates.Exploration no = noE1.explore(s -> s.present("PP_K"), 1_000_000);

    assertThat(witness).hasSizeBetween(11, 23);
    assertThat(no.witness()).isEmpty();
    assertThat(no.complete()).isTrue();
  }

  private static boolean grows(SpeciesStates.State before, SpeciesStates.State after) {
    var was = SpeciesStates.presentOnly(before).keySet();
    var is = SpeciesStates.presentOnly(after).keySet();
    return is.containsAll(was) && is.size() > was.size();
  }
}
