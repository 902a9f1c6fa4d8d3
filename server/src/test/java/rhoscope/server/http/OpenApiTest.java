package rhoscope.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rhoscope.server.wire.ApiError;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.CheckMethod;
import rhoscope.server.wire.CheckBody;
import rhoscope.server.wire.ExploreAnswer;
import rhoscope.server.wire.ClusterHealth;
import rhoscope.server.wire.Health;
import rhoscope.server.wire.MemberHealth;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.NamedType;
import rhoscope.server.wire.ParsedTypeAnswer;
import rhoscope.server.wire.ProcessPage;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.ProcessUpload;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryBody;
import rhoscope.server.wire.QueryFilters;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.StreamEvent;
import rhoscope.server.wire.TypeBody;
import rhoscope.server.wire.TypeList;
import rhoscope.server.wire.Unfinished;
import rhoscope.server.wire.Witness;

class OpenApiTest {
  private static RhoscopeServer server;

  @BeforeAll
  static void start() {
    server = RhoscopeServer.start(ServerConfig.defaults(new ScriptedService()).withPort(0));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void theDocumentDescribesEveryRouteTheServerRegisters() throws IOException {
    JsonNode paths = TestHttp.JSON.readTree(MetaRoutes.readOpenApi()).get("paths");
    for (Route route : server.routes()) {
      JsonNode path = paths.get(route.path());
      assertThat(path).as(route.path()).isNotNull();
      assertThat(path.has(route.method().name().toLowerCase(Locale.ROOT)))
          .as(route.method() + " " + route.path())
          .isTrue();
    }
  }

  @Test
  void theDocumentDescribesNoRouteTheServerLacks() throws IOException {
    JsonNode paths = TestHttp.JSON.readTree(MetaRoutes.readOpenApi()).get("paths");
    long documented = 0;
    for (var path = paths.fields(); path.hasNext(); ) {
      for (var op = path.next().getValue().fieldNames(); op.hasNext(); ) {
        if (!op.next().equals("parameters")) {
          documented++;
        }
      }
    }
    assertThat(documented).isEqualTo(server.routes().size());
  }

  @Test
  void everyErrorStatusRefersToTheErrorSchema() throws IOException {
    JsonNode doc = TestHttp.JSON.readTree(MetaRoutes.readOpenApi());
    assertThat(doc.at("/components/schemas/Error/required").toString())
        .contains("error", "detail", "line", "column");
  }

  /** Each wire record and the schema that documents it. */
  private static final Map<Class<?>, String> SCHEMAS =
      Map.ofEntries(
          Map.entry(ApiError.class, "Error"),
          Map.entry(ProcessUpload.class, "NewProcess"),
          Map.entry(CheckBody.class, "Check"),
          Map.entry(QueryBody.class, "Query"),
          Map.entry(QueryFilters.class, "QueryFilters"),
          Map.entry(TypeBody.class, "TypeBody"),
          Map.entry(Health.class, "Health"),
          Map.entry(ClusterHealth.class, "ClusterHealth"),
          Map.entry(MemberHealth.class, "MemberHealth"),
          Map.entry(ProcessSummary.class, "ProcessSummary"),
          Map.entry(ProcessPage.class, "ProcessPage"),
          Map.entry(StoredProcess.class, "StoredProcess"),
          Map.entry(Match.class, "Match"),
          Map.entry(QueryStats.class, "QueryStats"),
          Map.entry(QueryAnswer.class, "QueryAnswer"),
          Map.entry(CheckAnswer.class, "CheckAnswer"),
          Map.entry(Witness.class, "Witness"),
          Map.entry(Witness.Step.class, "WitnessStep"),
          Map.entry(Witness.Channel.class, "Channel"),
          Map.entry(Witness.Reaction.class, "WitnessReaction"),
          Map.entry(Witness.Change.class, "SpeciesChange"),
          Map.entry(Witness.Amount.class, "SpeciesAmount"),
          Map.entry(Unfinished.class, "Unfinished"),
          Map.entry(NamedType.class, "NamedType"),
          Map.entry(TypeList.class, "TypeList"),
          Map.entry(ParsedTypeAnswer.class, "ParsedType"),
          Map.entry(ExploreAnswer.class, "ExploreAnswer"),
          Map.entry(StreamEvent.Progress.class, "StreamEvent"),
          Map.entry(StreamEvent.Matched.class, "StreamEvent"),
          Map.entry(StreamEvent.Done.class, "StreamEvent"),
          Map.entry(StreamEvent.Failed.class, "StreamEvent"));

  /**
   * The document and the records agree field for field: every field a record reads or writes is
   * in its schema, and a schema (but the stream events' union) has no field the records lack.
   */
  @Test
  void schemasDescribeExactlyTheFieldsOfTheWireRecords() throws IOException {
    JsonNode schemas = TestHttp.JSON.readTree(MetaRoutes.readOpenApi()).at("/components/schemas");
    SCHEMAS.forEach((record, schema) -> {
      JsonNode properties = schemas.at("/" + schema + "/properties");
      assertThat(properties.isMissingNode()).as(schema).isFalse();
      Set<String> fields = new TreeSet<>();
      for (var c : record.getRecordComponents()) {
        fields.add(c.getName());
      }
      Set<String> documented = new TreeSet<>();
      properties.fieldNames().forEachRemaining(documented::add);
      if (schema.equals("StreamEvent")) {
        assertThat(documented).as(schema).containsAll(fields);
      } else {
        assertThat(documented).as(schema).isEqualTo(fields);
      }
    });
  }

  /** Every record of the wire package has its schema: a new record cannot go undocumented. */
  @Test
  void everyWireRecordIsDocumented() throws IOException {
    Path wire = Path.of("src", "main", "java", "rhoscope", "server", "wire");
    Set<String> mapped = new TreeSet<>();
    SCHEMAS.keySet().forEach(c -> mapped.add(c.getNestHost().getSimpleName()));
    try (Stream<Path> files = Files.list(wire)) {
      Set<String> records =
          files
              .map(f -> f.getFileName().toString().replace(".java", ""))
              .filter(
                  n ->
                      !List.of("WireJson", "ApiException", "SourceFormat", "CheckMethod", "TypeForms")
                          .contains(n))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(mapped).isEqualTo(records);
    }
  }

  @Test
  void theMethodsOfAVerdictAreDocumentedByTheirWireNames() throws IOException {
    JsonNode schemas = TestHttp.JSON.readTree(MetaRoutes.readOpenApi()).at("/components/schemas");
    Set<String> documented = new TreeSet<>();
    schemas.at("/Method/enum").forEach(n -> documented.add(n.asText()));
    Set<String> methods = new TreeSet<>();
    for (CheckMethod m : CheckMethod.values()) {
      methods.add(m.wireName());
    }
    assertThat(documented).isEqualTo(methods).contains("closure", "explore");
    assertThat(schemas.at("/CheckAnswer/properties/method/$ref").asText())
        .isEqualTo("#/components/schemas/Method");
    assertThat(schemas.at("/Match/properties/method/$ref").asText())
        .isEqualTo("#/components/schemas/Method");
  }

  @Test
  void overridesAreDocumentedAsAMapOfIntegers() throws IOException {
    JsonNode schemas = TestHttp.JSON.readTree(MetaRoutes.readOpenApi()).at("/components/schemas");
    assertThat(schemas.at("/NewProcess/properties/overrides/$ref").asText())
        .isEqualTo("#/components/schemas/Overrides");
    assertThat(schemas.at("/Overrides/additionalProperties/type").asText()).isEqualTo("integer");
  }
}
