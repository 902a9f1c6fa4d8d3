package rhoscope.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.server.http.ScriptedServer.TOKEN;
import static rhoscope.server.http.ScriptedServer.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import rhoscope.server.http.TestHttp.Reply;

/**
 * What the API answers a user in the everyday cases: a query out of time answers with what it
 * found, results come in pages, and each outcome has its status (201 or 200, 401 with its
 * challenge, 415, 400 for a body that is not an object, Jetty's own errors as JSON).
 */
class ApiAnswersIT {
  @RegisterExtension final ScriptedServer running = new ScriptedServer();

  private void add(String name, String source) {
    Reply r = running.http().post("/api/processes", Map.of("name", name, "source", source), TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /**
   * The second process never finishes on its own (it stalls until its token is cancelled), so
   * the query's time runs out for certain, whatever the machine's speed: the answer is what was
   * found before, and names the rest.
   */
  @Test
  void aQueryOutOfTimeAnswersWithWhatItFoundAndNamesTheUnfinished() {
    add("first", "x!(1)");
    add("endless", "forever");
    add("last", "y!(1)");
    Reply r = running.http().post("/api/query", Map.of("type", "stalls on \"forever\"", "timeoutMs", 200));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode answer = r.json();
    assertThat(answer.get("partial").asBoolean()).isTrue();
    assertThat(answer.get("matches")).hasSize(1);
    assertThat(answer.get("matches").get(0).get("name").asText()).isEqualTo("first");
    JsonNode unfinished = answer.get("unfinished");
    assertThat(unfinished).hasSize(2);
    assertThat(unfinished.get(0).get("name").asText()).isEqualTo("endless");
    assertThat(unfinished.get(0).get("reason").asText()).contains("cancelled while this check ran");
    assertThat(unfinished.get(1).get("name").asText()).isEqualTo("last");
    assertThat(unfinished.get(1).get("reason").asText()).startsWith("not checked");
    for (JsonNode u : unfinished) {
      assertThat(u.get("verdict").asText()).isEqualTo("unknown");
    }
  }

  @Test
  void aStreamedQueryOutOfTimeEndsWithThePartialAnswer() {
    add("first", "x!(1)");
    add("endless", "forever");
    Reply r =
        running.http().postStream("/api/query", Map.of("type", "stalls on \"forever\"", "timeoutMs", 200));
    List<JsonNode> events = r.jsonLines();
    JsonNode done = events.getLast();
    assertThat(done.get("event").asText()).as(r.body()).isEqualTo("done");
    assertThat(done.get("answer").get("partial").asBoolean()).isTrue();
    assertThat(done.get("answer").get("unfinished").get(0).get("name").asText())
        .isEqualTo("endless");
    assertThat(events)
        .anySatisfy(e -> assertThat(e.get("event").asText()).isEqualTo("match"));
  }

  @Test
  void aQueryThatFinishesIsNotPartialAndHasNoUnfinishedField() {
    add("first", "x!(1)");
    JsonNode answer = running.http().post("/api/query", Map.of("type", "stalls on \"forever\"")).json();
    assertThat(answer.get("partial").asBoolean()).isFalse();
    assertThat(answer.has("unfinished")).isFalse();
    // a yes needs no reason: the field is absent, not empty
    assertThat(answer.get("matches").get(0).has("reason")).isFalse();
  }

  @Test
  void queryResultsArePagedLikeTheListing() {
    for (int i = 0; i < 5; i++) {
      add("p" + i, "a!(" + i + ")");
    }
    add("other", "b!(1)");
    JsonNode page =
        running.http().post("/api/query", Map.of("type", "has \"a\"", "offset", 1, "limit", 2)).json();
    assertThat(page.get("total").asLong()).isEqualTo(5);
    assertThat(page.get("offset").asInt()).isEqualTo(1);
    assertThat(page.get("limit").asInt()).isEqualTo(2);
    assertThat(page.get("matches")).hasSize(2);
    assertThat(page.get("matches").get(0).get("name").asText()).isEqualTo("p1");
    assertThat(page.get("matches").get(1).get("name").asText()).isEqualTo("p2");

    JsonNode beyond =
        running.http().post("/api/query", Map.of("type", "has \"a\"", "offset", 10, "limit", 2)).json();
    assertThat(beyond.get("total").asLong()).isEqualTo(5);
    assertThat(beyond.get("matches")).isEmpty();

    assertError(
        running.http().post("/api/query", Map.of("type", "has \"a\"", "offset", -1)), 400, "bad_request");
  }

  @Test
  void creatingAnswers201AndReplacing200() {
    Reply created =
        running.http().post("/api/processes", Map.of("name", "p", "source", "x!(1)"), TOKEN);
    assertThat(created.status()).isEqualTo(201);
    Reply replaced =
        running.http().post("/api/processes", Map.of("name", "p", "source", "x!(2)"), TOKEN);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("id")).isEqualTo(created.json().get("id"));
  }

  @Test
  void a401CarriesTheChallenge() {
    Reply r = running.http().post("/api/processes", Map.of("name", "p", "source", "x!(1)"), "wrong");
    assertError(r, 401, "unauthorized");
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"rhoscope\"");
    Reply delete = running.http().delete("/api/processes/1", null);
    assertThat(delete.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith415() {
    String body = TestHttp.write(Map.of("type", "has \"a\""));
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      Reply r = running.http().postAs("/api/query", type, body, null);
      assertError(r, 415, "unsupported_media_type");
      assertThat(r.json().get("detail").asText()).contains("application/json");
    }
    assertThat(running.http().postAs("/api/query", "application/json; charset=utf-8", body, null).status())
        .isEqualTo(200);
  }

  @Test
  void aNullOrNonObjectBodyIs400OnEveryPostRoute() {
    for (String route :
        new String[] {"/api/processes", "/api/query", "/api/check", "/api/types/parse"}) {
      for (String body : new String[] {"null", "5", "\"text\"", "[]"}) {
        Reply r = running.http().post(route, body, TOKEN);
        assertError(r, 400, "bad_json");
        assertThat(r.json().get("detail").asText())
            .as(route + " " + body)
            .contains("JSON object")
            .doesNotContain("java.", "rhoscope.", "NullPointer");
      }
    }
  }

  @Test
  void unknownPathsAnswerTheJsonError() {
    assertError(running.http().get("/api/nothing"), 404, "not_found");
    assertError(running.http().get("/no/such/page"), 404, "not_found");
  }

  /** What Jetty refuses before any route sees it, sent raw: the same JSON error body. */
  @Test
  void jettysOwnErrorsAnswerTheJsonError() throws IOException {
    assertJettyError("GET /api/health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400);
    assertJettyError(
        "GET /api/" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
    assertJettyError(
        "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n", 431);
  }

  /**
   * A body trickling in far below the minimum data rate is cut off with the JSON error. The
   * pause only makes the client slower than the bound, never faster, so the outcome cannot race.
   */
  @Test
  void aBodySentTooSlowlyIsCutOff() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.server().port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 100\r\n\r\n{")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // two seconds for one more byte: half the minimum rate's four bytes a second
      Thread.sleep(2000);
      out.write(' ');
      out.flush();
      String response =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(response).as(response).startsWith("HTTP/1.1 408");
      JsonNode json = TestHttp.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
      assertThat(json.get("error").asText()).isEqualTo("request_timeout");
      assertThat(running.http().get("/api/health").status()).isEqualTo(200);
    }
  }

  private void assertJettyError(String request, int status) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", running.server().port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(response).as(response).startsWith("HTTP/1.1 " + status);
      assertThat(response.toLowerCase(java.util.Locale.ROOT))
          .contains("content-type: application/json");
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      JsonNode json = TestHttp.JSON.readTree(body);
      assertThat(json.get("error").asText()).isNotBlank();
      assertThat(json.get("detail").asText()).isNotBlank();
      assertThat(json.has("line")).isTrue();
      assertThat(json.has("column")).isTrue();
    }
  }
}
