package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static rhoscope.indexer.sbml.SbmlText.level3;
import static rhoscope.indexer.sbml.SbmlText.reaction;
import static rhoscope.indexer.sbml.SbmlText.reactions;
import static rhoscope.indexer.sbml.SbmlText.species;

import org.junit.jupiter.api.Test;

class ImportWarningsTest {

  private static ImportedModel importBoolean(String xml) {
    return SbmlImporter.importString("w.xml", xml, ImportOptions.defaults());
  }

  @Test
  void plainReactionNetworkWithoutRateLawsImportsWithoutWarnings() {
    ImportedModel model =
        importBoolean(level3(species("A=1", "B=0"), reactions(reaction("r", "A -> B"))));

    assertThat(model.warnings()).isEmpty();
    assertThat(model.modelId()).isEqualTo("test_model");
    assertThat(model.name()).isEqualTo("a test model");
  }

  @Test
  void kineticLawsAreReportedOnceAsIgnored() {
    String withLaw =
        reaction("r", "A -> B")
            .replace(
                "</reaction>",
                "<kineticLaw><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                    + "<ci>A</ci></math></kineticLaw></reaction>");
    ImportedModel model =
        importBoolean(
            level3(species("A=1", "B=0"), reactions(withLaw, withLaw.replace("\"r\"", "\"r2\""))));

    assertThat(model.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(ImportWarning.Kind.RATE_LAWS_IGNORED);
              assertThat(w.message()).startsWith("2 kinetic law(s) ignored");
            });
  }

  @Test
  void rulesEventsConstraintsAndVariableCompartmentsAreEachReported() {
    String math = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math>";
    String xml =
        level3(
                "<listOfParameters><parameter id=\"p\" value=\"1\" constant=\"false\"/>"
                    + "<parameter id=\"q\" value=\"1\" constant=\"false\"/></listOfParameters>",
                species("A=1", "B=0", "T=-"),
                "<listOfRules>"
                    + "<assignmentRule variable=\"T\">"
                    + math
                    + "</assignmentRule>"
                    + "<rateRule variable=\"p\">"
                    + math
                    + "</rateRule>"
                    + "<algebraicRule>"
                    + math.replace("<cn>1</cn>", "<ci>q</ci>")
                    + "</algebraicRule>"
                    + "</listOfRules>",
                "<listOfConstraints><constraint>"
                    + math.replace("<cn>1</cn>", "<true/>")
                    + "</constraint></listOfConstraints>",
                "<listOfEvents><event id=\"pulse\" useValuesFromTriggerTime=\"true\">"
                    + "<trigger initialValue=\"false\" persistent=\"true\">"
                    + math.replace("<cn>1</cn>", "<true/>")
                    + "</trigger><listOfEventAssignments><eventAssignment variable=\"A\">"
                    + math
                    + "</eventAssignment></listOfEventAssignments></event></listOfEvents>")
            .replace(
                "<compartment id=\"c\" size=\"1\" constant=\"true\"",
                "<compartment id=\"c\" size=\"1\" constant=\"false\"");

    ImportedModel model = importBoolean(xml);

    assertThat(model.warnings())
        .extracting(ImportWarning::kind, ImportWarning::element)
        .containsExactlyInAnyOrder(
            tuple(ImportWarning.Kind.VARIABLE_COMPARTMENT, "c"),
            tuple(ImportWarning.Kind.ASSIGNMENT_RULE_FROZEN, "T"),
            tuple(ImportWarning.Kind.RATE_RULE_IGNORED, "p"),
            tuple(ImportWarning.Kind.ALGEBRAIC_RULE_IGNORED, "test_model"),
            tuple(ImportWarning.Kind.CONSTRAINT_IGNORED, "test_model"),
            tuple(ImportWarning.Kind.EVENT_IGNORED, "pulse"));
  }

  @Test
  void speciesWithoutInitialValueStartsAbsentWithAWarning() {
    ImportedModel model = importBoolean(level3(species("A=-")));

    assertThat(model.warnings())
        .extracting(ImportWarning::kind)
        .containsExactly(ImportWarning.Kind.NO_INITIAL_VALUE);
    assertThat(SpeciesStates.presentOnly(SpeciesStates.of(model.process()).initial())).isEmpty();
  }

  @Test
  void initialAssignmentsAreEvaluatedAndOneThatCannotBeIsReported() {
    String xml =
        level3(
            "<listOfParameters><parameter id=\"p0\" value=\"3\" constant=\"true\"/>"
                + "<parameter id=\"unset\" constant=\"true\"/></listOfParameters>",
            species("A=0", "B=0", "C=1"),
            "<listOfInitialAssignments><initialAssignment symbol=\"A\"><math"
                + " xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                + "<ci>p0</ci></math></initialAssignment><initialAssignment symbol=\"B\"><math"
                + " xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                + "<apply><times/><ci>p0</ci><cn>2</cn></apply></math></initialAssignment>"
                + "<initialAssignment symbol=\"C\"><math"
                + " xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                + "<apply><times/><ci>unset</ci><cn>2</cn></apply></math></initialAssignment>"
                + "</listOfInitialAssignments>");

    ImportedModel model = importBoolean(xml);

    assertThat(model.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(ImportWarning.Kind.INITIAL_ASSIGNMENT_IGNORED);
              assertThat(w.element()).isEqualTo("C");
              assertThat(w.message()).contains("parameter unset has no value");
            });
    assertThat(SpeciesStates.presentOnly(SpeciesStates.of(model.process()).initial()))
        .containsOnlyKeys("A", "B", "C");
  }

  @Test
  void nonIntegerAndFormulaStoichiometriesAreReported() {
    String level2 =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
          <model id="m">
            <listOfCompartments><compartment id="c"/></listOfCompartments>
            <listOfSpecies>
              <species id="A" compartment="c" initialAmount="1"/>
              <species id="B" compartment="c" initialAmount="0"/>
            </listOfSpecies>
            <listOfReactions>
              <reaction id="half" reversible="false">
                <listOfReactants>
                  <speciesReference species="A" stoichiometry="0.5"/>
                </listOfReactants>
                <listOfProducts><speciesReference species="B"/></listOfProducts>
              </reaction>
              <reaction id="formula" reversible="false">
                <listOfReactants><speciesReference species="A">
                  <stoichiometryMath>
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><cn>2</cn></math>
                  </stoichiometryMath>
                </speciesReference></listOfReactants>
              </reaction>
            </listOfReactions>
          </model>
        </sbml>
        """;

    ImportedModel model = importBoolean(level2);

    assertThat(model.warnings())
        .extracting(ImportWarning::kind, ImportWarning::element)
        .containsExactly(
            tuple(ImportWarning.Kind.STOICHIOMETRY_APPROXIMATED, "half"),
            tuple(ImportWarning.Kind.STOICHIOMETRY_APPROXIMATED, "formula"));
  }

  @Test
  void requiredPackageOtherThanQualIsReported() {
    String xml =
        level3(species("A=1"))
            .replace(
                "level=\"3\" version=\"1\">",
                "level=\"3\" version=\"1\""
                    + " xmlns:comp=\"http://www.sbml.org/sbml/level3/version1/comp/version1\""
                    + " comp:required=\"true\">");

    ImportedModel model = importBoolean(xml);

    assertThat(model.warnings())
        .extracting(ImportWarning::kind, ImportWarning::element)
        .containsExactly(tuple(ImportWarning.Kind.PACKAGE_IGNORED, "comp"));
  }
}
