package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static rhoscope.server.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.http.TestHttp;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.Witness;
import rhoscope.server.wire.WireJson;

/**
 * Answers about SBML models in the model's own terms, through the CLI and the HTTP API: species
 * named by their SBML name, witness steps that name the reaction and the species it changed, the
 * final state as the species present, and the model's import warnings beside the verdict.
 */
class PathwayAnswersTest {
  private static final Path BIOMODELS =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels");
  private static final Path PATHWAYS = Path.of("..", "datasets", "pathways");

  @TempDir Path tmp;

  private static String biomodel(String id) {
    Path file = BIOMODELS.resolve(id + ".xml");
    assumeTrue(Files.isRegularFile(file), "shared corpus absent: " + file.toAbsolutePath());
    return file.toString();
  }

  @Test
  void checkNamesASpeciesByItsSbmlNameAndReadsTheWitnessAsReactions() {
    CliRun r = run("check", biomodel("BIOMD0000000029"), "eventually contains \"ERK-PP\"!(_)");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(": yes")
        .contains("reaction v2 \"phosphorylation of ERK-PY on Thr\"")
        .contains("+Mpp (ERK-PP)")
        .containsPattern("final state: present: .*Mpp \\(ERK-PP\\)")
        // the witness speaks the model, not its encoding
        .doesNotContain("absent")
        .doesNotContain("taken by");
    assertThat(r.err())
        .contains("import warning: rate_laws_ignored")
        .doesNotContain("the type mentions");
  }

  @Test
  void anUnknownSpeciesNameFailsAtOnceWithCloseMatches() {
    CliRun r = run("check", biomodel("BIOMD0000000029"), "eventually contains \"ERK_PP\"!(_)");

    assertThat(r.exit()).isNotZero();
    assertThat(r.out()).doesNotContain("unknown");
    assertThat(r.err())
        .contains("\"ERK_PP\" is not a species of Markevich2004_MAPK_phosphoRandomMM")
        .contains("did you mean \"ERK-PP\" (id Mpp)");
  }

  @Test
  void anAmbiguousSpeciesNameFailsListingTheSpeciesThatShareIt() {
    CliRun r = run("check", biomodel("BIOMD0000000226"), "eventually contains \"NFkB\"!(_)");

    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("\"NFkB\" is the name of 2 species").contains("by its id");
  }

  @Test
  void checkJsonCarriesReactionsChangesPresentSpeciesAndImportWarnings() throws IOException {
    CliRun r =
        run("check", biomodel("BIOMD0000000009"), "eventually contains \"Erk2-PP\"!(_)", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    CheckAnswer answer = WireJson.MAPPER.readValue(r.out(), CheckAnswer.class);

    assertThat(answer.importWarnings())
        .anyMatch(w -> w.startsWith("assignment_rule_frozen (K_PP_norm)"));
    Witness w = answer.witness();
    assertThat(w.steps()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.reaction()).isNotNull();
      assertThat(s.reaction().id()).matches("r\\d+[ab]?");
      assertThat(s.changes()).isNotEmpty();
    });
    assertThat(w.steps().getLast().changes())
        .contains(new Witness.Change("PP_K", "Erk2-PP", 0, 1));
    assertThat(w.present()).contains(new Witness.Amount("PP_K", "Erk2-PP", 1));
    // the encoded states stay, for whoever wants them
    assertThat(w.steps().getFirst().state()).contains("\"absent\"");
  }

  @Test
  void countsWitnessesReportMoleculeCounts() throws IOException {
    CliRun r =
        run("check", PATHWAYS.resolve("mapk_cascade.xml").toString(),
            "eventually contains \"MAPK-PP\"!(_)", "--semantics", "counts:2", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    Witness w = WireJson.MAPPER.readValue(r.out(), CheckAnswer.class).witness();

    assertThat(w.present()).anyMatch(a -> a.species().equals("K_PP") && a.amount() >= 1);
    assertThat(w.steps()).allSatisfy(s -> assertThat(s.reaction()).isNotNull());
  }

  @Test
  void aRholangWitnessHasNoPathwayFields() throws IOException {
    Path file = tmp.resolve("ping.rho");
    Files.writeString(file, "@\"ping\"!(1) | for (_ <- @\"ping\") { Nil }", StandardCharsets.UTF_8);
    CliRun r = run("check", file.toString(), "eventually Nil", "--json");
    JsonNode o = WireJson.MAPPER.readTree(r.out());

    assertThat(o.has("importWarnings")).isFalse();
    assertThat(o.get("witness").has("present")).isFalse();
    assertThat(o.get("witness").get("steps").get(0).has("reaction")).isFalse();
    assertThat(o.get("witness").get("steps").get(0).has("changes")).isFalse();
  }

  /**
   * Across a database each model answers for the species it has: a name that one model gives a
   * species matches there, and the models without it simply do not match (no error).
   */
  @Test
  void aQueryOverManyModelsMatchesTheModelsThatHaveTheNamedSpecies() throws IOException {
    String db = tmp.resolve("db").toString();
    Path rholang = tmp.resolve("erk.rho");
    Files.writeString(rholang, "@\"ERK\"!(1)", StandardCharsets.UTF_8);
    CliRun index =
        run("index", "--db", db, biomodel("BIOMD0000000029"),
            PATHWAYS.resolve("mapk_cascade.xml").toString(), rholang.toString());
    assertThat(index.exit()).as(index.err()).isZero();

    CliRun markevich = run("query", "--db", db, "eventually contains \"ERK-PP\"!(_)", "--json");
    assertThat(markevich.exit()).as(markevich.err()).isZero();
    QueryAnswer answer = WireJson.MAPPER.readValue(markevich.out(), QueryAnswer.class);
    assertThat(answer.matches()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("BIOMD0000000029.xml");
      assertThat(m.witness().steps()).allSatisfy(s -> assertThat(s.reaction()).isNotNull());
      assertThat(m.witness().present()).anyMatch(a -> a.species().equals("Mpp"));
    });

    CliRun text = run("query", "--db", db, "eventually contains \"ERK-PP\"!(_)", "--witness");
    assertThat(text.out())
        .contains("BIOMD0000000029.xml [biomodels] method: closure, ")
        .contains("2. reaction v2 \"phosphorylation of ERK-PY on Thr\"\n")
        // the closure's witness keeps what later steps need, so MpY may stay present
        .containsPattern("\\+Mpp \\(ERK-PP\\)\n")
        .containsPattern("final state: present: .*Mpp \\(ERK-PP\\)");

    // "MAPK-PP" is the name of K_PP in the shipped cascade, and of nothing in Markevich's model
    QueryAnswer cascade =
        WireJson.MAPPER.readValue(
            run("query", "--db", db, "eventually contains \"MAPK-PP\"!(_)", "--json").out(),
            QueryAnswer.class);
    assertThat(cascade.matches()).extracting(m -> m.name()).containsExactly("mapk_cascade.xml");
  }

  @Test
  void httpCheckResolvesNamesAndRejectsUnknownOnesWithCloseMatches() throws IOException {
    String model = Files.readString(Path.of(biomodel("BIOMD0000000029")), StandardCharsets.UTF_8);
    ProcessDatabase db = ProcessDatabase.open(tmp.resolve("http-db"));
    db.index(
        List.of(Path.of(biomodel("BIOMD0000000029"))), IndexOptions.defaults(), IndexProgress.NONE);
    long stored = db.list().getFirst().id();
    try (RhoscopeServer server =
        RhoscopeServer.start(ServerConfig.defaults(new DatabaseService(db)).withPort(0))) {
      TestHttp http = new TestHttp(server.port());
      // a stored model, by id: the same resolution and the same reading
      TestHttp.Reply byId =
          http.post("/api/check", Map.of("id", stored, "type", "eventually contains \"ERK-PP\"!(_)"));
      assertThat(byId.status()).as(byId.body()).isEqualTo(200);
      CheckAnswer storedAnswer = WireJson.MAPPER.readValue(byId.body(), CheckAnswer.class);
      assertThat(storedAnswer.witness().present()).anyMatch(a -> a.species().equals("Mpp"));
      assertThat(storedAnswer.importWarnings()).isNotEmpty();
      TestHttp.Reply unknownById =
          http.post("/api/check", Map.of("id", stored, "type", "eventually contains \"ERK_PP\"!(_)"));
      assertThat(unknownById.status()).isEqualTo(400);

      TestHttp.Reply ok =
          http.post(
              "/api/check",
              Map.of("process", model, "format", "sbml", "type", "eventually contains \"ERK-PP\"!(_)"));
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      CheckAnswer answer = WireJson.MAPPER.readValue(ok.body(), CheckAnswer.class);
      assertThat(answer.importWarnings()).isNotEmpty();
      assertThat(answer.witness().steps().getLast().reaction().name())
          .isEqualTo("phosphorylation of ERK-PY on Thr");

      TestHttp.Reply bad =
          http.post(
              "/api/check",
              Map.of("process", model, "format", "sbml", "type", "eventually contains \"ERK_PP\"!(_)"));
      assertThat(bad.status()).isEqualTo(400);
      JsonNode error = WireJson.MAPPER.readTree(bad.body());
      assertThat(error.get("error").asText()).isEqualTo("unknown_species");
      assertThat(error.get("detail").asText()).contains("did you mean \"ERK-PP\" (id Mpp)");
    }
  }
}
