package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static rhoscope.indexer.sbml.SbmlText.level3;
import static rhoscope.indexer.sbml.SbmlText.reaction;
import static rhoscope.indexer.sbml.SbmlText.reactions;
import static rhoscope.indexer.sbml.SbmlText.species;

import org.junit.jupiter.api.Test;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.text.parser.ParseException;

/**
 * Which modifiers a reaction needs present: the SBO term decides first, then the rate law (does it
 * vanish, or never go this direction's way, with the modifier at zero?), and a law that cannot be
 * evaluated keeps the modifier required with a warning.
 */
class ModifierRolesTest {
  private static final String PARAMETERS =
      "<listOfParameters>"
          + "<parameter id=\"k\" value=\"2\" constant=\"true\"/>"
          + "<parameter id=\"kr\" value=\"1\" constant=\"true\"/>"
          + "<parameter id=\"Km\" value=\"0.5\" constant=\"true\"/>"
          + "<parameter id=\"Ki\" value=\"0.1\" constant=\"true\"/>"
          + "<parameter id=\"basal\" value=\"0\" constant=\"true\"/>"
          + "<parameter id=\"unset\" constant=\"true\"/>"
          + "</listOfParameters>";

  /** A reaction of {@link SbmlText#reaction} with the kinetic law written in infix. */
  private static String withLaw(String reaction, String infix) {
    return reaction.replace(
        "</reaction>", "<kineticLaw>" + mathml(infix) + "</kineticLaw></reaction>");
  }

  private static String mathml(String infix) {
    try {
      String m = ASTNode.parseFormula(infix).toMathML();
      return m.substring(m.indexOf("<math"));
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static ImportedModel importModel(String speciesList, String... reactionList) {
    return SbmlImporter.importString(
        "roles.xml",
        level3(PARAMETERS, speciesList, reactions(reactionList)),
        ImportOptions.defaults());
  }

  private static ReactionRequirements requirements(ImportedModel m, String reaction) {
    return m.requirements().stream()
        .filter(r -> r.reaction().equals(reaction))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCompetitiveInhibitorInTheDenominatorIsNotRequiredButTheEnzymeIs() {
    ImportedModel m =
        importModel(
            species("S=1", "P=0", "E=1", "I=0"),
            withLaw(reaction("r", "S -> P | E + I"), "k*E*S/(Km*(1+I/Ki)+S)"));

    assertThat(requirements(m, "r").required()).containsExactly("S", "E");
    assertThat(requirements(m, "r").modifiers())
        .extracting(ModifierRole::species, ModifierRole::required)
        .containsExactly(tuple("E", true), tuple("I", false));
    assertThat(SpeciesStates.of(m.process()).explore(s -> s.present("P"), 100).witness())
        .isPresent();
  }

  @Test
  void aBasalRateMakesTheActivatorUnnecessaryUnlessTheBasalRateIsZero() {
    ImportedModel m =
        importModel(
            species("S=1", "P=0", "A=0"),
            withLaw(reaction("leaky", "S -> P | A"), "(k*A + kr)*S"),
            withLaw(reaction("tight", "S -> P | A"), "(k*A + basal)*S"));

    assertThat(requirements(m, "leaky").required()).containsExactly("S");
    assertThat(requirements(m, "tight").required()).containsExactly("S", "A");
  }

  @Test
  void theSboTermDecidesBeforeTheRateLaw() {
    String inhibitor =
        withLaw(reaction("r", "S -> P | I"), "k*S*I")
            .replace("species=\"I\"", "species=\"I\" sboTerm=\"SBO:0000020\"");
    String activator =
        withLaw(reaction("q", "S -> P | A"), "k*S")
            .replace("species=\"A\"", "species=\"A\" sboTerm=\"SBO:0000461\"");
    ImportedModel m = importModel(species("S=1", "P=0", "I=0", "A=0"), inhibitor, activator);

    assertThat(requirements(m, "r").required()).containsExactly("S");
    assertThat(requirements(m, "r").modifiers().getFirst().basis())
        .isEqualTo(new ModifierRole.Basis.SboTerm("SBO:0000020", "inhibitor"));
    assertThat(requirements(m, "q").required()).containsExactly("S", "A");
  }

  @Test
  void eachDirectionOfAReversibleReactionHasItsOwnRoles() {
    ImportedModel m =
        importModel(
            species("S=1", "P=0", "E=0"), withLaw(reaction("r", "S <-> P | E"), "k*E*S - kr*P"));

    assertThat(requirements(m, "r").required()).containsExactly("S", "E");
    assertThat(requirements(m, "r_reverse").required()).containsExactly("P");
  }

  @Test
  void aSpeciesListedAsProductAndModifierIsNotAnExtraGuard() {
    ImportedModel m =
        importModel(species("A=1", "B=0"), withLaw(reaction("r", "A -> B | B"), "k*A*B"));

    assertThat(requirements(m, "r").required()).containsExactly("A");
    assertThat(requirements(m, "r").modifiers().getFirst().basis())
        .isEqualTo(new ModifierRole.Basis.AlsoReactantOrProduct());
    assertThat(SpeciesStates.of(m.process()).explore(s -> s.present("B"), 100).witness())
        .isPresent();
  }

  @Test
  void aLawThatCannotBeEvaluatedKeepsTheModifierRequiredAndSaysSo() {
    ImportedModel m =
        importModel(
            species("S=1", "P=0", "E=1"),
            withLaw(reaction("r", "S -> P | E"), "unset*S/(1+E)"),
            reaction("nolaw", "S -> P | E"));

    assertThat(requirements(m, "r").required()).containsExactly("S", "E");
    assertThat(requirements(m, "nolaw").required()).containsExactly("S", "E");
    assertThat(m.warnings())
        .filteredOn(w -> w.kind() == ImportWarning.Kind.MODIFIER_ROLE_ASSUMED)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.element()).isEqualTo("r");
              assertThat(w.message()).contains("parameter unset has no value").contains("E");
            });
  }

  @Test
  void anOperatorWithTooFewOperandsIsALawThatCannotBeEvaluated() {
    String law =
        "<kineticLaw><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
            + "<apply><divide/><ci>E</ci></apply></math></kineticLaw>";
    ImportedModel m =
        importModel(
            species("S=1", "P=0", "E=1"),
            reaction("r", "S -> P | E").replace("</reaction>", law + "</reaction>"));

    assertThat(requirements(m, "r").required()).containsExactly("S", "E");
    assertThat(m.warnings())
        .filteredOn(w -> w.kind() == ImportWarning.Kind.MODIFIER_ROLE_ASSUMED)
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("too few operands"));
  }

  @Test
  void aSpeciesSetByAnAssignmentRuleStartsFromItsValueAtTimeZeroAndKeepsIt() {
    String rules =
        "<listOfRules>"
            + "<assignmentRule variable=\"E\">"
            + mathml("k*S/(Km+S)")
            + "</assignmentRule>"
            + "<assignmentRule variable=\"F\">"
            + mathml("basal*S")
            + "</assignmentRule>"
            + "</listOfRules>";
    ImportedModel m =
        SbmlImporter.importString(
            "rules.xml",
            level3(PARAMETERS, species("S=1", "E!=-", "F!=-", "P=0"), rules),
            ImportOptions.defaults());

    assertThat(SpeciesStates.presentOnly(SpeciesStates.of(m.process()).initial()))
        .containsOnlyKeys("S", "E");
    assertThat(m.warnings())
        .filteredOn(w -> w.kind() == ImportWarning.Kind.ASSIGNMENT_RULE_FROZEN)
        .extracting(ImportWarning::element)
        .containsExactly("E", "F");
    assertThat(m.warnings())
        .extracting(ImportWarning::kind)
        .doesNotContain(ImportWarning.Kind.NO_INITIAL_VALUE);
  }
}
