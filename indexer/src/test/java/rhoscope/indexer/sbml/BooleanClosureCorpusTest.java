package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.parse.TypeParser;
import rhoscope.lang.print.ProcessPrinter;

/**
 * Every species of every BioModels file in the shared corpus: the set that can become present under
 * the importer's network (the species each reaction requires, initial presence) equals the least
 * fixpoint computed by {@link IndependentClosure} straight from the JSBML model; and on models
 * small enough to explore completely, the engine's verdict on {@code eventually contains "S"!(_)}
 * agrees with both. Skipped, saying so, when the corpus is absent.
 */
class BooleanClosureCorpusTest {
  private static final Path BIOMODELS =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels");

  /** 2^12 presence states at most: every such model explores completely within the bound. */
  private static final int EXPLORED_SPECIES = 12;

  private static final long STATE_BOUND = 20_000;

  private static List<Path> coreModels() throws IOException {
    assumeTrue(
        Files.isDirectory(BIOMODELS),
        "shared corpus absent at " + BIOMODELS.toAbsolutePath().normalize() + "; skipping");
    try (Stream<Path> files = Files.list(BIOMODELS)) {
      return files
          .filter(f -> f.toString().endsWith(".xml"))
          .sorted()
          .filter(
              f -> !SbmlImporter.importFile(f, ImportOptions.defaults()).requirements().isEmpty())
          .toList();
    }
  }

  /** The closure the importer computes from its network, overrides applied first. */
  private static PresenceClosure importerClosure(Path file, Map<String, Integer> overrides) {
    return SbmlImporter.importFile(file, new ImportOptions(new Semantics.Boolean(), overrides))
        .presence()
        .orElseThrow();
  }

  /**
   * Replays a witness on the imported process, one join per firing: each firing's products become
   * present and nothing else changes; at the end every target is present.
   */
  private static void replays(
      SpeciesStates states, List<PresenceClosure.Firing> witness, Set<String> targets) {
    SpeciesStates.State now = states.initial();
    for (PresenceClosure.Firing firing : witness) {
      TreeMap<String, Optional<Object>> next = new TreeMap<>(now.values());
      firing.madePresent().forEach(p -> next.put(p, Optional.of(true)));
      SpeciesStates.State expected = new SpeciesStates.State(next);
      assertThat(states.successors(now)).as("firing %s at %s", firing, now).contains(expected);
      now = expected;
    }
    for (String t : targets) {
      assertThat(now.present(t)).as("%s present at the end", t).isTrue();
    }
  }

  @Test
  void theImportersClosureEqualsTheIndependentClosureOnEveryModel() throws Exception {
    List<String> disagreements = new ArrayList<>();
    int species = 0;
    int reachable = 0;
    for (Path f : coreModels()) {
      IndependentClosure oracle = IndependentClosure.read(f);
      PresenceClosure closure = importerClosure(f, Map.of());
      assertThat(closure.initiallyPresent())
          .as("initial presence of %s", f.getFileName())
          .isEqualTo(oracle.initiallyPresent(Map.of()));
      Set<String> expected = oracle.closure(Map.of());
      Set<String> actual = closure.reachable();
      species += oracle.species().size();
      reachable += expected.size();
      if (!expected.equals(actual)) {
        disagreements.add(
            f.getFileName()
                + ": only the oracle reaches "
                + difference(expected, actual)
                + ", only the importer reaches "
                + difference(actual, expected));
      }
    }

    assertThat(disagreements).as("%d of %d species reachable", reachable, species).isEmpty();
  }

  @Test
  void markevichErkBecomesDoublyPhosphorylatedThroughItsCompetitiveInhibitors() throws Exception {
    Path markevich = BIOMODELS.resolve("BIOMD0000000029.xml");
    assumeTrue(Files.isRegularFile(markevich), "shared corpus absent: " + markevich);
    ImportedModel imported = SbmlImporter.importFile(markevich, ImportOptions.defaults());

    assertThat(imported.requirements())
        .filteredOn(r -> r.reaction().equals("v1"))
        .singleElement()
        .satisfies(r -> assertThat(r.required()).containsExactlyInAnyOrder("M", "MEK"));
    PresenceClosure closure = imported.presence().orElseThrow();
    List<PresenceClosure.Firing> witness = closure.witness(List.of("Mpp")).orElseThrow();

    assertThat(IndependentClosure.read(markevich).closure(Map.of())).contains("Mpp");
    assertThat(witness)
        .flatExtracting(PresenceClosure.Firing::madePresent)
        .containsAnyOf("MpY", "MpT")
        .endsWith("Mpp");
    replays(SpeciesStates.of(imported.process()), witness, Set.of("Mpp"));
  }

  @Test
  void huangFerrellDoublyPhosphorylatedMapkNeedsTheActivatorE1() throws Exception {
    Path mapk = BIOMODELS.resolve("BIOMD0000000009.xml");
    assumeTrue(Files.isRegularFile(mapk), "shared corpus absent: " + mapk);
    IndependentClosure oracle = IndependentClosure.read(mapk);

    assertThat(importerClosure(mapk, Map.of()).reachable()).contains("PP_K");
    assertThat(importerClosure(mapk, Map.of("E1", 0)).reachable()).doesNotContain("PP_K");
    assertThat(importerClosure(mapk, Map.of("E1", 0)).witness(List.of("PP_K"))).isEmpty();
    assertThat(oracle.closure(Map.of())).contains("PP_K");
    assertThat(oracle.closure(Map.of("E1", 0))).doesNotContain("PP_K");
  }

  @Test
  void aWitnessForEveryReachableSpeciesAtOnceReplaysOnEveryImportedProcess() throws Exception {
    for (Path f : coreModels()) {
      ImportedModel model = SbmlImporter.importFile(f, ImportOptions.defaults());
      PresenceClosure closure = model.presence().orElseThrow();
      Set<String> targets = closure.reachable();

      replays(SpeciesStates.of(model.process()), closure.witness(targets).orElseThrow(), targets);
    }
  }

  /** Exploring every small model once per species takes a while, hence slow. */
  @Test
  @Tag("slow")
  void onModelsExploredCompletelyTheEngineAgreesWithTheClosureOnEverySpecies() throws Exception {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (Path f : coreModels()) {
      IndependentClosure oracle = IndependentClosure.read(f);
      if (oracle.species().size() > EXPLORED_SPECIES) {
        continue;
      }
      ImportedModel model = SbmlImporter.importFile(f, ImportOptions.defaults());
      ParsedProcess process =
          new ParsedProcess(
              f.toString(),
              ProcessPrinter.print(model.process()),
              model.process(),
              Positions.empty());
      Set<String> closure = oracle.closure(Map.of());
      for (String s : oracle.species()) {
        CheckResult result =
            ModelChecker.check(
                process,
                TypeParser.parse("query", "eventually contains \"" + s + "\"!(_)"),
                CheckOptions.defaults().withWorkers(1).withMaxStates(STATE_BOUND));
        boolean expected = closure.contains(s);
        checked++;
        if (result.verdict() != (expected ? Verdict.YES : Verdict.NO)
            || (!expected && !result.complete())) {
          disagreements.add(
              f.getFileName() + " " + s + ": engine " + result.verdict() + ", closure " + expected);
        }
      }
    }

    assertThat(checked).isPositive();
    assertThat(disagreements).isEmpty();
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
