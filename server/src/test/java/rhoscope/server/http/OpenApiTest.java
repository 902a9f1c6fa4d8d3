package rhoscope.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  /** Every field a request body accepts is documented in its schema (overrides included). */
  @Test
  void requestSchemasDocumentEveryFieldTheServerReads() throws IOException {
    JsonNode schemas = TestHttp.JSON.readTree(MetaRoutes.readOpenApi()).at("/components/schemas");
    Map<String, Class<?>> bodies =
        Map.of("NewProcess", Requests.PutProcess.class, "Check", Requests.Check.class,
            "Query", Requests.Query.class);
    bodies.forEach((schema, record) -> {
      for (var c : record.getRecordComponents()) {
        assertThat(schemas.at("/" + schema + "/properties/" + c.getName()).isMissingNode())
            .as(schema + "." + c.getName())
            .isFalse();
      }
    });
    assertThat(schemas.at("/NewProcess/properties/overrides/$ref").asText())
        .isEqualTo("#/components/schemas/Overrides");
    assertThat(schemas.at("/Overrides/additionalProperties/type").asText()).isEqualTo("integer");
  }
}
