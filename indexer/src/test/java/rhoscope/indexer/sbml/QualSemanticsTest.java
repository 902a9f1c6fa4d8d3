package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QualSemanticsTest {

  /** An SBML-qual model: species {@code id:max:initial}, then transitions as XML. */
  static String qual(String species, String... transitions) {
    StringBuilder list = new StringBuilder();
    for (String s : species.split(" ")) {
      String[] p = s.split(":");
      list.append(
          "<qual:qualitativeSpecies qual:id=\"%s\" qual:compartment=\"c\" qual:constant=\"false\""
                  .formatted(p[0])
              + " qual:maxLevel=\"%s\" qual:initialLevel=\"%s\"/>\n".formatted(p[1], p[2]));
    }
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1"
          xmlns:qual="http://www.sbml.org/sbml/level3/version1/qual/version1" qual:required="true">
      <model id="logical">
        <listOfCompartments>
          <compartment id="c" constant="true"/>
        </listOfCompartments>
        <qual:listOfQualitativeSpecies>
    %s    </qual:listOfQualitativeSpecies>
        <qual:listOfTransitions>
    %s    </qual:listOfTransitions>
      </model>
    </sbml>
    """
        .formatted(list, String.join("\n", transitions));
  }

  /** A transition setting {@code output} to {@code level} when {@code mathml} holds, else 0. */
  static String transition(String id, String input, String output, int level, String mathml) {
    return """
    <qual:transition qual:id="%s">
      <qual:listOfInputs>
        <qual:input qual:id="%s_in" qual:qualitativeSpecies="%s" qual:thresholdLevel="1"
                    qual:transitionEffect="none"/>
      </qual:listOfInputs>
      <qual:listOfOutputs>
        <qual:output qual:qualitativeSpecies="%s" qual:transitionEffect="assignmentLevel"/>
      </qual:listOfOutputs>
      <qual:listOfFunctionTerms>
        <qual:defaultTerm qual:resultLevel="0"/>
        <qual:functionTerm qual:resultLevel="%d">
          <math xmlns="http://www.w3.org/1998/Math/MathML">%s</math>
        </qual:functionTerm>
      </qual:listOfFunctionTerms>
    </qual:transition>
    """
        .formatted(id, id, input, output, level, mathml);
  }

  /** {@code species < its input's threshold}: the species represses. */
  static String below(String species, String input) {
    return "<apply><lt/><ci>%s</ci><ci>%s</ci></apply>".formatted(species, input);
  }

  /** {@code species >= its input's threshold}: the species activates. */
  static String atLeast(String species, String input) {
    return "<apply><geq/><ci>%s</ci><ci>%s</ci></apply>".formatted(species, input);
  }

  private static Set<Map<String, Object>> reachable(ImportedModel model) {
    SpeciesStates.Exploration run = SpeciesStates.of(model.process()).explore(s -> false, 100_000);
    assertThat(run.complete()).isTrue();
    return run.states().stream().map(SpeciesStates::presentOnly).collect(Collectors.toSet());
  }

  private static final String TOGGLE =
      qual(
          "A:1:0 B:1:0",
          transition("tA", "B", "A", 1, below("B", "tA_in")),
          transition("tB", "A", "B", 1, below("A", "tB_in")));

  @Test
  void toggleSwitchReachesEitherStableStateButNeverBothHigh() {
    ImportedModel model =
        SbmlImporter.importString("toggle.xml", TOGGLE, ImportOptions.of(new Semantics.Qual()));
    SpeciesStates states = SpeciesStates.of(model.process());

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(Map.of(), Map.of("A", 1L), Map.of("B", 1L));
    SpeciesStates.State aHigh =
        states.explore(s -> s.present("A"), 100).witness().orElseThrow().getLast();
    assertThat(states.successors(aHigh)).as("a stable state has no successor").isEmpty();
  }

  @Test
  void booleanRequestOnAQualitativeModelUsesTheLogicalSemanticsAndSaysSo() {
    ImportedModel model = SbmlImporter.importString("toggle.xml", TOGGLE, ImportOptions.defaults());

    assertThat(model.semantics()).isEqualTo(new Semantics.Qual());
    assertThat(model.warnings())
        .extracting(ImportWarning::kind)
        .containsExactly(ImportWarning.Kind.SEMANTICS_SUBSTITUTED);
  }

  @Test
  void multiValuedSpeciesClimbsOneLevelAtATime() {
    String xml = qual("S:1:1 X:2:0", transition("tX", "S", "X", 2, atLeast("S", "tX_in")));

    ImportedModel model =
        SbmlImporter.importString("levels.xml", xml, ImportOptions.of(new Semantics.Qual()));

    assertThat(reachable(model))
        .containsExactlyInAnyOrder(
            Map.of("S", 1L), Map.of("S", 1L, "X", 1L), Map.of("S", 1L, "X", 2L));
  }

  @Test
  void overrideSetsAnInitialLevelWithinTheMaximum() {
    String xml = qual("S:1:1 X:2:0", transition("tX", "S", "X", 2, atLeast("S", "tX_in")));

    ImportedModel knockedOut =
        SbmlImporter.importString(
            "levels.xml", xml, new ImportOptions(new Semantics.Qual(), Map.of("S", 0)));

    assertThat(reachable(knockedOut)).containsExactly(Map.of());
    assertThatThrownBy(
            () ->
                SbmlImporter.importString(
                    "levels.xml", xml, new ImportOptions(new Semantics.Qual(), Map.of("X", 3))))
        .isInstanceOf(SbmlImportException.class)
        .hasMessage("levels.xml: initial level 3 of X exceeds its maximum level 2");
  }

  @Test
  void unsupportedMathIsAnErrorNamingTheTransition() {
    String xml =
        qual("S:1:1 X:1:0", transition("tX", "S", "X", 1, "<apply><sin/><ci>S</ci></apply>"));

    assertThatThrownBy(() -> SbmlImporter.importString("m.xml", xml, ImportOptions.defaults()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessageContaining("m.xml: transition tX: unsupported feature in a function term");
  }

  @Test
  void petriNetEffectsAndSeveralTransitionsOnOneSpeciesAreReported() {
    String xml =
        qual(
            "S:1:1 X:1:0",
            transition("t1", "S", "X", 1, atLeast("S", "t1_in"))
                .replace(
                    "qual:transitionEffect=\"assignmentLevel\"",
                    "qual:transitionEffect=\"production\""),
            transition("t2", "S", "X", 1, atLeast("S", "t2_in")));

    ImportedModel model =
        SbmlImporter.importString("m.xml", xml, ImportOptions.of(new Semantics.Qual()));

    assertThat(model.warnings())
        .extracting(ImportWarning::kind, ImportWarning::element)
        .containsExactly(
            tuple(ImportWarning.Kind.TRANSITION_EFFECT_APPROXIMATED, "t1"),
            tuple(ImportWarning.Kind.SEVERAL_TRANSITIONS, "X"));
  }

  @Test
  void hybridModelTranslatesThePartTheSemanticsCoversAndReportsTheOther() {
    String xml =
        TOGGLE.replace(
            "</listOfCompartments>",
            "</listOfCompartments><listOfSpecies><species id=\"M\" compartment=\"c\""
                + " initialAmount=\"1\" hasOnlySubstanceUnits=\"true\" boundaryCondition=\"false\""
                + " constant=\"false\"/></listOfSpecies>");

    ImportedModel asReactions = SbmlImporter.importString("h.xml", xml, ImportOptions.defaults());
    ImportedModel asLogic =
        SbmlImporter.importString("h.xml", xml, ImportOptions.of(new Semantics.Qual()));

    assertThat(asReactions.semantics()).isEqualTo(new Semantics.Boolean());
    assertThat(asReactions.warnings())
        .extracting(ImportWarning::kind)
        .containsExactly(ImportWarning.Kind.PART_IGNORED);
    assertThat(SpeciesStates.of(asReactions.process()).initial().values()).containsOnlyKeys("M");
    assertThat(asLogic.warnings())
        .extracting(ImportWarning::kind)
        .containsExactly(ImportWarning.Kind.PART_IGNORED);
    assertThat(SpeciesStates.of(asLogic.process()).initial().values()).containsOnlyKeys("A", "B");
  }
}
