package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rhoscope.indexer.sbml.SbmlText.level3;
import static rhoscope.indexer.sbml.SbmlText.reaction;
import static rhoscope.indexer.sbml.SbmlText.reactions;
import static rhoscope.indexer.sbml.SbmlText.species;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import rhoscope.lang.ast.process.Proc;

class BooleanSemanticsTest {

  private static ImportedModel importBoolean(String xml, Map<String, Integer> overrides) {
    return SbmlImporter.importString(
        "test.xml", xml, new ImportOptions(new Semantics.Boolean(), overrides));
  }

  /** The reachable states, each as the set of present species. */
  private static Set<Set<String>> reachable(ImportedModel model) {
    SpeciesStates.Exploration run = SpeciesStates.of(model.process()).explore(s -> false, 100_000);
    assertThat(run.complete()).isTrue();
    return run.states().stream()
        .map(s -> SpeciesStates.presentOnly(s).keySet())
        .map(Set::copyOf)
        .collect(Collectors.toSet());
  }

  @Test
  void enzymeIsRequiredButNotConsumedAndTheSubstrateMayStayOrVanish() {
    ImportedModel model =
        importBoolean(
            level3(species("S=10", "E=1", "P=0"), reactions(reaction("r", "S -> P | E"))),
            Map.of());

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(Set.of("S", "E"), Set.of("S", "E", "P"), Set.of("E", "P"));
  }

  @Test
  void withoutItsEnzymeAReactionNeverFires() {
    ImportedModel model =
        importBoolean(
            level3(species("S=10", "E=0", "P=0"), reactions(reaction("r", "S -> P | E"))),
            Map.of());

    SpeciesStates states = SpeciesStates.of(model.process());
    assertThat(states.successors(states.initial())).isEmpty();
  }

  @Test
  void overrideKnocksOutASpeciesPresentInTheModel() {
    String xml = level3(species("S=10", "E=1", "P=0"), reactions(reaction("r", "S -> P | E")));

    assertThat(reachable(importBoolean(xml, Map.of("E", 0)))).containsExactly(Set.of("S"));
    assertThat(reachable(importBoolean(xml, Map.of("P", 5))))
        .contains(Set.of("S", "E", "P"))
        .doesNotContain(Set.of("S", "E"));
  }

  @Test
  void presentSpeciesIsATrueMessageOnItsPublicNameAndAbsentOneATokenElsewhere() {
    ImportedModel model = importBoolean(level3(species("A=1", "B=0")), Map.of());

    assertThat(model.process())
        .isEqualTo(
            Proc.Par.of(
                List.of(Rho.send(Rho.species("A"), new Proc.BoolLit(true)), Rho.absentToken("B"))));
    assertThat(model.semantics()).isEqualTo(new Semantics.Boolean());
  }

  @Test
  void reversibleReactionRunsBothWays() {
    ImportedModel model =
        importBoolean(level3(species("A=1", "B=0"), reactions(reaction("r", "A <-> B"))), Map.of());

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(Set.of("A"), Set.of("A", "B"), Set.of("B"));
  }

  @Test
  void boundarySpeciesIsReadButNeverConsumedNorProduced() {
    String xml =
        level3(
            species("S!=1", "P=0", "Q=0"),
            reactions(reaction("r1", "S -> P"), reaction("r2", "P -> Q + S")));

    Set<Set<String>> states = reachable(importBoolean(xml, Map.of()));

    assertThat(states).allMatch(s -> s.contains("S"));
    assertThat(states).contains(Set.of("S", "P", "Q"), Set.of("S", "Q"));
  }

  @Test
  void aFiringThatWouldChangeNothingIsNotAJoin() {
    // A -> B: consumed {A}, produced {B}: 2^2 - 1 outcomes, the unchanged one is left out
    ImportedModel model =
        importBoolean(level3(species("A=1", "B=1"), reactions(reaction("r", "A -> B"))), Map.of());
    SpeciesStates states = SpeciesStates.of(model.process());

    assertThat(states.joinCount()).isEqualTo(3);
    assertThat(states.successors(states.initial()))
        .extracting(SpeciesStates::presentOnly)
        .containsExactly(Map.of("B", true));
  }

  @Test
  void sourceReactionProducesOnceAndDegradationEmptiesOnce() {
    ImportedModel model =
        importBoolean(
            level3(
                species("A=0"), reactions(reaction("make", "0 -> A"), reaction("decay", "A -> 0"))),
            Map.of());

    assertThat(reachable(model)).containsExactlyInAnyOrder(Set.of(), Set.of("A"));
  }

  @Test
  void speciesOnBothSidesIsACatalystNotAReactant() {
    ImportedModel model =
        importBoolean(
            level3(species("K=1", "S=1", "P=0"), reactions(reaction("r", "K + S -> K + P"))),
            Map.of());

    assertThat(reachable(model)).allMatch(s -> s.contains("K"));
  }

  @Test
  void reactionChangingTooManySpeciesIsRefusedByName() {
    StringBuilder lhs = new StringBuilder("A0");
    String[] declared = new String[14];
    declared[0] = "A0=1";
    for (int i = 1; i < 13; i++) {
      lhs.append(" + A").append(i);
      declared[i] = "A" + i + "=1";
    }
    declared[13] = "B=0";
    String xml = level3(species(declared), reactions(reaction("huge", lhs + " -> B")));

    assertThatThrownBy(() -> importBoolean(xml, Map.of()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessageContaining("test.xml")
        .hasMessageContaining("reaction huge changes 14 species");
  }
}
