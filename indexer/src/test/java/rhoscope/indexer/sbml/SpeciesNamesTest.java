package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckPlan;
import rhoscope.lang.print.TypePrinter;

/**
 * Species named by their SBML name in a type: resolved to ids when the name is unique, an error
 * with close matches or with the ids to choose from otherwise, on real BioModels files.
 */
class SpeciesNamesTest {
  private static final Path BIOMODELS =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels");

  private static Pathway pathway(String model) {
    Path file = BIOMODELS.resolve(model + ".xml");
    assumeTrue(Files.isRegularFile(file), "shared corpus absent: " + file.toAbsolutePath());
    return SbmlImporter.importFile(file, ImportOptions.defaults()).pathway();
  }

  private static CheckPlan plan(String type) {
    return CheckPlan.parse("query", type);
  }

  private static String core(CheckPlan plan) {
    return TypePrinter.print(plan.core());
  }

  @Test
  void aUniqueNameResolvesToItsSpeciesId() {
    // Markevich 2004: Mpp is named "ERK-PP"
    CheckPlan resolved =
        SpeciesNames.strict(pathway("BIOMD0000000029"), plan("eventually contains \"ERK-PP\"!(_)"));

    assertThat(core(resolved)).contains("\"Mpp\"").doesNotContain("ERK-PP");
    assertThat(resolved.text()).isEqualTo("eventually contains \"ERK-PP\"!(_)");
    assertThat(resolved.key())
        .isEqualTo(plan("eventually contains \"Mpp\"!(_)").key());
  }

  @Test
  void namesResolveInsideDefinitionsAndConjunctions() {
    CheckPlan resolved =
        SpeciesNames.strict(
            pathway("BIOMD0000000009"),
            plan("let pp = contains \"Erk2-PP\"!(_); eventually (pp and contains \"Mek1-PP\"!(_))"));

    assertThat(core(resolved)).contains("\"PP_K\"", "\"PP_KK\"").doesNotContain("Erk2-PP");
    CheckPlan argument =
        SpeciesNames.strict(
            pathway("BIOMD0000000029"),
            plan("let active(s) = contains s!(_); eventually active(\"ERK-PP\")"));
    assertThat(core(argument)).contains("\"Mpp\"").doesNotContain("ERK-PP");
  }

  @Test
  void aLogicalModelsSpeciesResolveByNameToo() {
    Pathway toggle =
        SbmlImporter.importFile(
                Path.of("..", "datasets", "pathways", "toggle_switch.xml"), ImportOptions.defaults())
            .pathway();
    assertThat(core(SpeciesNames.strict(toggle, plan("eventually contains \"IPTG inducer\"!(_)"))))
        .contains("\"IPTG\"");
  }

  @Test
  void aTypeNamingSpeciesByIdIsLeftAsItIs() {
    CheckPlan byId = plan("eventually contains (\"Mpp\"!(_) | \"MEK\"!(_))");
    assertThat(SpeciesNames.strict(pathway("BIOMD0000000029"), byId)).isSameAs(byId);
    CheckPlan glob = plan("eventually contains \"Mp*\"!(_)");
    assertThat(SpeciesNames.strict(pathway("BIOMD0000000029"), glob)).isSameAs(glob);
  }

  @Test
  void anUnknownNameIsAnErrorListingCloseMatches() {
    Pathway markevich = pathway("BIOMD0000000029");
    assertThatThrownBy(
            () -> SpeciesNames.strict(markevich, plan("eventually contains \"ERK_PP\"!(_)")))
        .isInstanceOf(UnknownSpeciesException.class)
        .hasMessageContaining("\"ERK_PP\" is not a species of Markevich2004")
        .hasMessageContaining("did you mean \"ERK-PP\" (id Mpp)");
    // case does not count against a match
    assertThatThrownBy(
            () -> SpeciesNames.strict(markevich, plan("eventually contains \"erk-pp\"!(_)")))
        .hasMessageContaining("\"ERK-PP\" (id Mpp)");
    // an id is suggested as an id, with its name
    assertThatThrownBy(
            () -> SpeciesNames.strict(markevich, plan("eventually contains \"mpp\"!(_)")))
        .hasMessageContaining("\"Mpp\" (named \"ERK-PP\")");
  }

  @Test
  void aNameNothingResemblesSaysSoWithoutSuggestions() {
    assertThatThrownBy(
            () ->
                SpeciesNames.strict(
                    pathway("BIOMD0000000029"), plan("eventually contains \"p53\"!(_)")))
        .isInstanceOf(UnknownSpeciesException.class)
        .hasMessageEndingWith("\"p53\" is not a species of Markevich2004_MAPK_phosphoRandomMM");
  }

  @Test
  void aNameSeveralSpeciesShareIsAmbiguousAndListsTheirIds() {
    // Lipniacki 2004 (BIOMD0000000226): NFkB in the cytoplasm and in the nucleus
    Pathway lipniacki = pathway("BIOMD0000000226");
    assertThatThrownBy(
            () -> SpeciesNames.strict(lipniacki, plan("eventually contains \"NFkB\"!(_)")))
        .isInstanceOf(UnknownSpeciesException.class)
        .hasMessageContaining("\"NFkB\" is the name of 2 species")
        .hasMessageContaining("name one of them by its id");
    UnknownSpeciesException e =
        (UnknownSpeciesException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> SpeciesNames.strict(lipniacki, plan("eventually contains \"NFkB\"!(_)")));
    lipniacki.species().stream()
        .filter(s -> s.name().equals("NFkB"))
        .forEach(s -> assertThat(e.getMessage()).contains(s.id()));
  }

  @Test
  void everyNameThatDoesNotResolveIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                SpeciesNames.strict(
                    pathway("BIOMD0000000029"),
                    plan("eventually contains (\"ERK_PP\"!(_) | \"MKP-3\"!(_))")))
        .isInstanceOfSatisfying(
            UnknownSpeciesException.class,
            e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining("\"MKP3\"");
  }

  @Test
  void leniently_aNameTheModelLacksOrSharesStaysAsWritten() {
    CheckPlan unknown = plan("eventually contains \"ERK_PP\"!(_)");
    assertThat(SpeciesNames.lenient(pathway("BIOMD0000000029"), unknown)).isSameAs(unknown);
    CheckPlan shared = plan("eventually contains \"NFkB\"!(_)");
    assertThat(SpeciesNames.lenient(pathway("BIOMD0000000226"), shared)).isSameAs(shared);
    CheckPlan known = plan("eventually contains \"ERK-PP\"!(_)");
    assertThat(core(SpeciesNames.lenient(pathway("BIOMD0000000029"), known))).contains("\"Mpp\"");
  }

  @Test
  void plainNamesSkipGlobs() {
    assertThat(SpeciesNames.plainNames(plan("eventually contains (\"A\"!(_) | \"B*\"!(_))").core()))
        .containsExactly("A");
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(SpeciesNames.distance("erk-pp", "erk_pp")).isEqualTo(1);
    assertThat(SpeciesNames.distance("mkp3", "mkp-3")).isEqualTo(1);
    assertThat(SpeciesNames.distance("", "abc")).isEqualTo(3);
    assertThat(SpeciesNames.distance("kitten", "sitting")).isEqualTo(3);
  }
}
