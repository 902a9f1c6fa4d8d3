package rhoscope.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ScriptedService;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.http.TestHttp;
import rhoscope.server.http.TestHttp.Reply;

/** {@code GET /page/reading}: the page's wording of a type's verdicts, and its errors as JSON. */
class ReadingRouteTest {
  static RhoscopeServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    server = RhoscopeServer.start(ServerConfig.defaults(new ScriptedService()).withPort(0));
    http = new TestHttp(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Reply read(String type) {
    return http.get("/page/reading?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8));
  }

  @Test
  void aTypeIsReadInItsOwnWordsWithTheToneOfEachVerdict() {
    Reply r = read("not deadlock_free");
    assertThat(r.status()).isEqualTo(200);
    JsonNode reading = r.json();
    assertThat(reading.at("/yes/text").asText()).isEqualTo("can deadlock");
    assertThat(reading.at("/yes/tone").asText()).isEqualTo("warning");
    assertThat(reading.at("/no/text").asText()).isEqualTo("cannot deadlock");
    assertThat(reading.at("/no/tone").asText()).isEqualTo("good");
    assertThat(reading.at("/unknown/tone").asText()).isEqualTo("unknown");
  }

  @Test
  void aMalformedTypeIsA400ThatPointsIntoIt() {
    Reply r = read("eventually ((");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("line").asInt()).isEqualTo(1);
    assertThat(r.json().get("column").asInt()).isPositive();
  }

  @Test
  void noTypeIsA400ThatSaysWhatToGive() {
    Reply r = http.get("/page/reading");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).contains("type=");
  }
}
