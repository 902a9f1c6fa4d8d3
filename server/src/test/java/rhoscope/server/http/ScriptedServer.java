package rhoscope.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import rhoscope.server.http.TestHttp.Reply;

/**
 * The HTTP integration tests' one start-up: before each test, the real server on a free loopback
 * port over a fresh {@link ScriptedService}, writes guarded by {@link #TOKEN}; after it, stopped.
 * Register it with {@code @RegisterExtension}.
 */
final class ScriptedServer implements BeforeEachCallback, AfterEachCallback {
  static final String TOKEN = "s3cret";

  private ScriptedService service;
  private RhoscopeServer server;
  private TestHttp http;

  /** A server over {@code service} with the tests' limits, changed by {@code tweak}. */
  static RhoscopeServer start(ProcessService service, UnaryOperator<ServerConfig> tweak) {
    return RhoscopeServer.start(
        tweak.apply(
            ServerConfig.defaults(service)
                .withPort(0)
                .withMaxBodyBytes(64 * 1024)
                .withQueryTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))));
  }

  /** The JSON error body every failure has: its status, code, a detail and a place. */
  static void assertError(Reply r, int status, String error) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = r.json();
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.has("line")).isTrue();
    assertThat(body.has("column")).isTrue();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    service = new ScriptedService();
    serve(start(service, base -> base.withToken(TOKEN)));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.stop();
  }

  /** After the test stopped this server: serves over {@code other} instead, without a token. */
  void serveOver(ProcessService other) {
    serve(start(other, base -> base));
  }

  private void serve(RhoscopeServer started) {
    server = started;
    http = new TestHttp(started.port());
  }

  ScriptedService service() {
    return service;
  }

  RhoscopeServer server() {
    return server;
  }

  TestHttp http() {
    return http;
  }
}
