package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rhoscope.indexer.sbml.SbmlText.level3;
import static rhoscope.indexer.sbml.SbmlText.reaction;
import static rhoscope.indexer.sbml.SbmlText.reactions;
import static rhoscope.indexer.sbml.SbmlText.species;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportErrorsTest {

  @Test
  void malformedXmlNamesTheFileLineAndColumn() {
    String xml =
        "<?xml version=\"1.0\"?>\n<sbml level=\"3\" version=\"1\">\n  <model id=\"m\">\n</sbml>\n";

    assertThatThrownBy(() -> SbmlImporter.importString("broken.xml", xml, ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SbmlImportException.class,
            e -> {
              assertThat(e.source()).isEqualTo("broken.xml");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.getMessage()).startsWith("broken.xml:4:").contains("malformed XML");
            });
  }

  @Test
  void brokenFileOnDiskIsNamedByItsPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cut.xml");
    Files.writeString(file, level3(species("A=1")).substring(0, 200), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SbmlImporter.importFile(file, ImportOptions.defaults()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("malformed XML");
  }

  @Test
  void missingFileIsAnErrorNamingIt(@TempDir Path dir) {
    Path file = dir.resolve("absent.xml");

    assertThatThrownBy(() -> SbmlImporter.importFile(file, ImportOptions.defaults()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void directoryIsRefusedInWords(@TempDir Path dir) {
    assertThatThrownBy(() -> SbmlImporter.importFile(dir, ImportOptions.defaults()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessage(dir + ": is a directory");
  }

  @Test
  void htmlRootIsRefusedNamingTheRootWithItsPosition() {
    String html = "<?xml version=\"1.0\"?>\n<html>\n<body><Constraint/></body></html>\n";

    assertThatThrownBy(() -> SbmlImporter.importString("page.xml", html, ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SbmlImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isPositive();
              assertThat(e.getMessage())
                  .matches("page\\.xml:2:\\d+: not an SBML document: root element is <html>,"
                      + " expected <sbml>");
            });
  }

  @Test
  void jsbmlFailuresAreSaidWithoutJavaClassNames() {
    assertThat(
            SbmlReading.inPlainWords(
                new ClassCastException(
                    "class org.sbml.jsbml.Constraint cannot be cast to class"
                        + " org.sbml.jsbml.Model")))
        .isEqualTo("an element appears where SBML does not allow it");
    assertThat(SbmlReading.inPlainWords(new java.util.NoSuchElementException()))
        .isEqualTo("the document's structure is not valid SBML");
    assertThat(
            SbmlReading.inPlainWords(
                new NullPointerException("Cannot invoke \"java.net.URL.openConnection()\"")))
        .isEqualTo("the document's structure is not valid SBML");
    assertThat(SbmlReading.inPlainWords(new IllegalArgumentException("'1x' is not a valid id")))
        .isEqualTo("the document's structure is not valid SBML ('1x' is not a valid id)");
  }

  @Test
  void documentThatIsNotSbmlIsRefused() {
    assertThatThrownBy(
            () ->
                SbmlImporter.importString(
                    "other.xml", "<html><body/></html>", ImportOptions.defaults()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessageStartingWith("other.xml:1:")
        .hasMessageEndingWith(": not an SBML document: root element is <html>, expected <sbml>");
  }

  @Test
  void documentWithoutModelIsRefused() {
    String xml =
        "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\"/>";

    assertThatThrownBy(() -> SbmlImporter.importString("empty.xml", xml, ImportOptions.defaults()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessage("empty.xml: the SBML document has no <model> element");
  }

  @Test
  void reactionNamingAnUndeclaredSpeciesIsRefused() {
    String xml = level3(species("A=1"), reactions(reaction("r", "A -> Ghost")));

    assertThatThrownBy(() -> SbmlImporter.importString("m.xml", xml, ImportOptions.defaults()))
        .isInstanceOf(SbmlImportException.class)
        .hasMessage("m.xml: reaction r refers to species 'Ghost', which is not declared");
  }

  @Test
  void overrideOfAnUnknownSpeciesIsRefusedListingTheDeclaredOnes() {
    String xml = level3(species("E1=1", "K=1"));

    assertThatThrownBy(
            () ->
                SbmlImporter.importString(
                    "m.xml", xml, new ImportOptions(new Semantics.Boolean(), Map.of("E2", 0))))
        .isInstanceOf(SbmlImportException.class)
        .hasMessage(
            "m.xml: --set names species that the model does not declare: E2 (declared: E1, K)");
  }

  @Test
  void qualSemanticsOnAReactionModelIsRefused() {
    String xml = level3(species("A=1"));

    assertThatThrownBy(
            () -> SbmlImporter.importString("m.xml", xml, ImportOptions.of(new Semantics.Qual())))
        .isInstanceOf(SbmlImportException.class)
        .hasMessageContaining("m.xml: qual semantics needs an SBML-qual model");
  }

  @Test
  void cliSpellingsParseAndBadOnesSayWhatIsExpected() {
    assertThat(Semantics.parse("boolean")).isEqualTo(new Semantics.Boolean());
    assertThat(Semantics.parse("counts:5")).isEqualTo(new Semantics.Counts(5));
    assertThat(Semantics.parse("qual")).isEqualTo(new Semantics.Qual());
    assertThat(new Semantics.Counts(5).label()).isEqualTo("counts:5");
    assertThat(ImportOptions.parse("counts:2", List.of("E1=0", "K = 2")))
        .isEqualTo(new ImportOptions(new Semantics.Counts(2), Map.of("E1", 0, "K", 2)));

    assertThatThrownBy(() -> Semantics.parse("stochastic"))
        .hasMessage("unknown semantics 'stochastic' (expected boolean, counts:K or qual)");
    assertThatThrownBy(() -> Semantics.parse("counts:x")).hasMessageContaining("integer K");
    assertThatThrownBy(() -> Semantics.parse("counts:0")).hasMessageContaining("K >= 1");
    assertThatThrownBy(() -> ImportOptions.parse("boolean", List.of("E1")))
        .hasMessageContaining("SPECIES=VALUE");
    assertThatThrownBy(() -> ImportOptions.parse("boolean", List.of("E1=-1")))
        .hasMessageContaining(">= 0");
  }
}
