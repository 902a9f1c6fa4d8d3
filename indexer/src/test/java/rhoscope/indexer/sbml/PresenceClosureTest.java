package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rhoscope.indexer.sbml.SbmlText.level3;
import static rhoscope.indexer.sbml.SbmlText.reaction;
import static rhoscope.indexer.sbml.SbmlText.reactions;
import static rhoscope.indexer.sbml.SbmlText.species;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The least fixpoint of firing enabled reactions, and the witnesses read off it. */
class PresenceClosureTest {
  /** A -> B -> C, with D made by a side branch that needs E, which nothing makes. */
  private static final String CHAIN =
      level3(
          species("A=1", "B=0", "C=0", "D=0", "E=0", "F=0"),
          reactions(
              reaction("ab", "A -> B"),
              reaction("bc", "B -> C"),
              reaction("side", "A -> F"),
              reaction("blocked", "A -> D | E")));

  private static PresenceClosure closure(String xml, Map<String, Integer> overrides) {
    return SbmlImporter.importString(
            "chain.xml", xml, new ImportOptions(new Semantics.Boolean(), overrides))
        .presence()
        .orElseThrow();
  }

  @Test
  void reachableSpeciesAreTheFixpointAndAGuardNothingMakesBlocksItsReaction() {
    assertThat(closure(CHAIN, Map.of()).reachable()).containsExactlyInAnyOrder("A", "B", "C", "F");
  }

  @Test
  void aWitnessKeepsOnlyTheFiringsItsTargetsNeedInFiringOrder() {
    assertThat(closure(CHAIN, Map.of()).witness(List.of("C")).orElseThrow())
        .containsExactly(
            new PresenceClosure.Firing("ab", List.of("B")),
            new PresenceClosure.Firing("bc", List.of("C")));
  }

  @Test
  void aConjunctionHoldsOnlyWhenEveryPresenceIsReachable() {
    PresenceClosure c = closure(CHAIN, Map.of());

    assertThat(c.witness(List.of("C", "F")).orElseThrow())
        .extracting(PresenceClosure.Firing::reaction)
        .containsExactlyInAnyOrder("ab", "bc", "side");
    assertThat(c.witness(List.of("C", "D"))).isEmpty();
  }

  @Test
  void overridesApplyBeforeTheClosure() {
    assertThat(closure(CHAIN, Map.of("E", 1)).reachable()).contains("D");
    assertThat(closure(CHAIN, Map.of("A", 0)).reachable()).isEmpty();
  }

  @Test
  void aReactionThatMakesNothingNewIsNoPartOfAWitness() {
    String xml =
        level3(
            species("A=1", "B=0", "C=0", "D=0"),
            reactions(
                reaction("both", "A -> B + C"),
                reaction("onlyC", "B -> C"),
                reaction("d", "C -> D")));

    assertThat(closure(xml, Map.of()).witness(List.of("D")).orElseThrow())
        .extracting(PresenceClosure.Firing::reaction)
        .containsExactly("both", "d");
  }

  @Test
  void aWitnessForASpeciesTheModelDoesNotDeclareIsAnError() {
    assertThatThrownBy(() -> closure(CHAIN, Map.of()).witness(List.of("ERK")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ERK");
  }
}
