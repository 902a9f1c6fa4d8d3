package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rhoscope.indexer.sbml.SbmlText.level3;
import static rhoscope.indexer.sbml.SbmlText.reaction;
import static rhoscope.indexer.sbml.SbmlText.reactions;
import static rhoscope.indexer.sbml.SbmlText.species;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CountsSemanticsTest {

  private static ImportedModel importCounts(String xml, int k, Map<String, Integer> overrides) {
    return SbmlImporter.importString(
        "test.xml", xml, new ImportOptions(new Semantics.Counts(k), overrides));
  }

  /** The reachable states, each as the map of present species to their counts. */
  private static Set<Map<String, Object>> reachable(ImportedModel model) {
    SpeciesStates.Exploration run = SpeciesStates.of(model.process()).explore(s -> false, 100_000);
    assertThat(run.complete()).isTrue();
    return run.states().stream().map(SpeciesStates::presentOnly).collect(Collectors.toSet());
  }

  @Test
  void conversionMovesOneMoleculeAtATimeAndEmptiedSpeciesBecomesAbsent() {
    ImportedModel model =
        importCounts(
            level3(species("A=5", "B=0"), reactions(reaction("r", "A -> B"))), 2, Map.of());

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(Map.of("A", 2L), Map.of("A", 1L, "B", 1L), Map.of("B", 2L));
    assertThat(model.semantics()).isEqualTo(new Semantics.Counts(2));
  }

  @Test
  void productionStopsAtTheCapInsteadOfLoopingThere() {
    ImportedModel model =
        importCounts(level3(species("A=0"), reactions(reaction("make", "0 -> A"))), 3, Map.of());
    SpeciesStates states = SpeciesStates.of(model.process());

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(Map.of(), Map.of("A", 1L), Map.of("A", 2L), Map.of("A", 3L));
    SpeciesStates.State full =
        states
            .explore(s -> s.present("A") && s.value("A").equals(3L), 100)
            .witness()
            .orElseThrow()
            .getLast();
    assertThat(states.successors(full)).isEmpty();
  }

  @Test
  void stoichiometryTwoNeedsTwoMolecules() {
    ImportedModel model =
        importCounts(
            level3(species("A=3", "B=0"), reactions(reaction("dimerise", "2 A -> B"))),
            3,
            Map.of());

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(Map.of("A", 3L), Map.of("A", 1L, "B", 1L));
  }

  @Test
  void modifierIsRequiredAndKeepsItsCount() {
    ImportedModel model =
        importCounts(
            level3(species("S=2", "E=1", "P=0"), reactions(reaction("r", "S -> P | E"))),
            2,
            Map.of());

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(
            Map.of("S", 2L, "E", 1L), Map.of("S", 1L, "E", 1L, "P", 1L), Map.of("E", 1L, "P", 2L));
  }

  @Test
  void initialAmountsAreScaledSoTheLargestIsKAndNoPresentSpeciesRoundsToAbsent() {
    ImportedModel model = importCounts(level3(species("A=100", "B=1", "C=50", "D=0")), 4, Map.of());

    assertThat(SpeciesStates.presentOnly(SpeciesStates.of(model.process()).initial()))
        .isEqualTo(Map.of("A", 4L, "B", 1L, "C", 2L));
  }

  @Test
  void overrideSetsACountAndMayNotExceedTheCap() {
    String xml = level3(species("A=1", "B=0"));

    assertThat(
            SpeciesStates.presentOnly(
                SpeciesStates.of(importCounts(xml, 3, Map.of("B", 3)).process()).initial()))
        .isEqualTo(Map.of("A", 3L, "B", 3L));
    assertThatThrownBy(() -> importCounts(xml, 3, Map.of("B", 4)))
        .isInstanceOf(SbmlImportException.class)
        .hasMessage("test.xml: --set B=4 exceeds the cap K=3");
  }

  @Test
  void reactionNeedingMoreThanKMoleculesIsReportedAndLeftOut() {
    ImportedModel model =
        importCounts(
            level3(species("A=1", "B=0"), reactions(reaction("r", "3 A -> B"))), 2, Map.of());

    assertThat(model.warnings())
        .extracting(ImportWarning::kind)
        .contains(ImportWarning.Kind.REACTION_NEVER_ENABLED);
    assertThat(SpeciesStates.of(model.process()).joinCount()).isZero();
  }
}
