package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.ProcessDatabase;

/**
 * {@code rhoscope import}: with {@code --explain} every reaction with what it requires and why;
 * with {@code --db} the model stored.
 */
class ImportCommandTest {
  /** Michaelis-Menten with a competitive inhibitor I in the denominator, and an SBO activator. */
  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
        <model id="explained">
          <listOfCompartments>
            <compartment id="c" size="1" constant="true"/>
          </listOfCompartments>
          <listOfSpecies>
            <species id="S" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"
                     boundaryCondition="false" constant="false"/>
            <species id="P" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"
                     boundaryCondition="false" constant="false"/>
            <species id="E" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"
                     boundaryCondition="false" constant="false"/>
            <species id="I" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"
                     boundaryCondition="false" constant="false"/>
          </listOfSpecies>
          <listOfParameters>
            <parameter id="k" value="1" constant="true"/>
            <parameter id="Ki" value="0.1" constant="true"/>
          </listOfParameters>
          <listOfReactions>
            <reaction id="conv" reversible="false" fast="false">
              <listOfReactants>
                <speciesReference species="S" stoichiometry="1" constant="true"/>
              </listOfReactants>
              <listOfProducts>
                <speciesReference species="P" stoichiometry="1" constant="true"/>
              </listOfProducts>
              <listOfModifiers>
                <modifierSpeciesReference species="E"/>
                <modifierSpeciesReference species="I"/>
              </listOfModifiers>
              <kineticLaw>
                <math xmlns="http://www.w3.org/1998/Math/MathML">
                  <apply><divide/>
                    <apply><times/><ci>k</ci><ci>E</ci><ci>S</ci></apply>
                    <apply><plus/><cn>1</cn><apply><divide/><ci>I</ci><ci>Ki</ci></apply></apply>
                  </apply>
                </math>
              </kineticLaw>
            </reaction>
            <reaction id="back" reversible="false" fast="false">
              <listOfReactants>
                <speciesReference species="P" stoichiometry="1" constant="true"/>
              </listOfReactants>
              <listOfProducts>
                <speciesReference species="S" stoichiometry="1" constant="true"/>
              </listOfProducts>
              <listOfModifiers>
                <modifierSpeciesReference species="I" sboTerm="SBO:0000461"/>
              </listOfModifiers>
            </reaction>
          </listOfReactions>
        </model>
      </sbml>
      """;

  @TempDir Path tmp;

  @Test
  void explainListsPerReactionTheSpeciesItRequiresAndWhy() throws IOException {
    Path file = tmp.resolve("explained.xml");
    Files.writeString(file, MODEL, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        Main.run(
            new String[] {"import", "--explain", file.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "conv requires S, E; S (reactant); E (required: the rate law vanishes without it);"
                + " I (not required: the rate law does not need it)")
        .contains("back requires P, I; P (reactant); I (required: SBO:0000461 essential activator)")
        .contains("initially present: E, S")
        .contains("can become present: E, P, S")
        .doesNotContain("for (");
  }

  @Test
  void importWithDbStoresTheModelAndTheDatabaseServesIt() throws IOException {
    Path file = tmp.resolve("models").resolve("explained.xml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, MODEL, StandardCharsets.UTF_8);
    Path db = tmp.resolve("db");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            new String[] {"import", file.toString(), "--db", db.toString(), "--dataset", "mine"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();
    // stdout stays the process, as without --db; where it went is said on stderr
    assertThat(out.toString()).contains("for (");
    assertThat(err.toString()).containsPattern("stored in .*db as #\\d+ explained.xml \\[mine\\] \\(added\\)");

    try (ProcessDatabase database = ProcessDatabase.open(db)) {
      assertThat(database.list())
          .singleElement()
          .satisfies(p -> {
            assertThat(p.name()).isEqualTo("explained.xml");
            assertThat(p.dataset()).isEqualTo("mine");
          });
    }

    StringWriter again = new StringWriter();
    Main.run(
        new String[] {"import", file.toString(), "--db", db.toString(), "--dataset", "mine"},
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(again, true));
    assertThat(again.toString()).contains("(unchanged)");
  }

  @Test
  void aDatasetWithoutADatabaseIsAUsageError() throws IOException {
    Path file = tmp.resolve("explained.xml");
    Files.writeString(file, MODEL, StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            new String[] {"import", file.toString(), "--dataset", "mine"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(exit).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("give --db DIR too");
  }
}
