package rhoscope.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.server.http.ScriptedServer.TOKEN;
import static rhoscope.server.http.ScriptedServer.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import rhoscope.server.http.TestHttp.Reply;

/**
 * Starts the real server on a free loopback port over a scripted service and exercises every
 * route and every error status over HTTP.
 */
class RhoscopeServerIT {
  @RegisterExtension final ScriptedServer running = new ScriptedServer();

  private JsonNode add(String name, String dataset, String source) {
    Reply r =
        running.http().post(
            "/api/processes", Map.of("name", name, "dataset", dataset, "source", source), TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void healthReportsStatusAndProcessCount() {
    add("a", "d", "x!(1)");
    JsonNode health = running.http().get("/api/health").json();
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("processes").asLong()).isEqualTo(1);
  }

  @Test
  void openApiIsServedAsJson() {
    Reply r = running.http().get("/api/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("paths").has("/api/query")).isTrue();
  }

  @Test
  void addShowListAndRemoveAProcess() {
    JsonNode created = add("bank", "contracts", "new balance in { balance!(0) }");
    String id = created.get("id").asText();
    assertThat(created.get("format").asText()).isEqualTo("rholang");

    JsonNode shown = running.http().get("/api/processes/" + id).json();
    assertThat(shown.get("source").asText()).isEqualTo("new balance in { balance!(0) }");
    assertThat(shown.get("features").get("lines").asLong()).isEqualTo(1);
    assertThat(shown.get("warnings").isArray()).isTrue();

    JsonNode page = running.http().get("/api/processes").json();
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(id);

    assertThat(running.http().delete("/api/processes/" + id, TOKEN).status()).isEqualTo(204);
    assertError(running.http().get("/api/processes/" + id), 404, "not_found");
    assertError(running.http().delete("/api/processes/" + id, TOKEN), 404, "not_found");
  }

  @Test
  void addingTheSameDatasetAndNameReplacesTheProcess() {
    String first = add("p", "d", "a!(1)").get("id").asText();
    Reply replaced =
        running.http().post(
            "/api/processes", Map.of("name", "p", "dataset", "d", "source", "a!(2) // TODO"),
            TOKEN);
    // created is 201, replaced 200: the client can tell which it did
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.header("Location")).isEqualTo("/api/processes/" + first);
    String second = replaced.json().get("id").asText();
    assertThat(second).isEqualTo(first);
    JsonNode shown = running.http().get("/api/processes/" + first).json();
    assertThat(shown.get("source").asText()).isEqualTo("a!(2) // TODO");
    assertThat(shown.get("warnings").get(0).asText()).contains("TODO");
    assertThat(running.http().get("/api/processes").json().get("total").asLong()).isEqualTo(1);
  }

  @Test
  void listingPagesAndFilters() {
    for (int i = 0; i < 7; i++) {
      add("proc" + i, i % 2 == 0 ? "even" : "odd", "x!(" + i + ")");
    }
    JsonNode page = running.http().get("/api/processes?offset=2&limit=3").json();
    assertThat(page.get("total").asLong()).isEqualTo(7);
    assertThat(page.get("items")).hasSize(3);
    assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("proc2");

    JsonNode odd = running.http().get("/api/processes?dataset=odd").json();
    assertThat(odd.get("total").asLong()).isEqualTo(3);
    JsonNode named = running.http().get("/api/processes?name=proc6").json();
    assertThat(named.get("items").get(0).get("name").asText()).isEqualTo("proc6");

    assertError(running.http().get("/api/processes?limit=0"), 400, "bad_request");
    assertError(running.http().get("/api/processes?offset=x"), 400, "bad_request");
    assertError(running.http().get("/api/processes?format=cobol"), 400, "bad_request");
  }

  @Test
  void writesNeedTheToken() {
    Map<String, String> body = Map.of("name", "p", "source", "x!(1)");
    assertError(running.http().post("/api/processes", body), 401, "unauthorized");
    assertError(running.http().post("/api/processes", body, "wrong"), 401, "unauthorized");
    String id = add("p", "d", "x!(1)").get("id").asText();
    assertError(running.http().delete("/api/processes/" + id, null), 401, "unauthorized");
    assertError(running.http().delete("/api/processes/" + id, "wrong"), 401, "unauthorized");
    assertThat(running.http().get("/api/processes/" + id).status()).isEqualTo(200);
  }

  @Test
  void aServerWithoutTokenRefusesEveryWriteButServesReads() {
    try (RhoscopeServer open = ScriptedServer.start(new ScriptedService(), c -> c)) {
      TestHttp client = new TestHttp(open.port());
      assertError(
          client.post("/api/processes", Map.of("name", "p", "source", "x!(1)"), "anything"),
          403,
          "writes_disabled");
      assertThat(client.get("/api/processes").status()).isEqualTo(200);
    }
  }

  @Test
  void aMalformedProcessPointsAtLineAndColumn() {
    Reply r =
        running.http().post(
            "/api/processes", Map.of("name", "bad", "source", "new x in {\n  x!(1) }\n}"), TOKEN);
    assertError(r, 400, "syntax");
    assertThat(r.json().get("line").asInt()).isEqualTo(3);
    assertThat(r.json().get("column").asInt()).isEqualTo(1);
  }

  @Test
  void malformedJsonPointsAtLineAndColumn() {
    Reply r = running.http().post("/api/query", "{\n  \"type\": \"has \\\"a\\\"\",\n  \"limit\": }");
    assertError(r, 400, "bad_json");
    assertThat(r.json().get("line").asInt()).isEqualTo(3);
    assertThat(r.json().get("column").asInt()).isPositive();
  }

  @Test
  void badRequestBodiesAreRefusedWithTheirReason() {
    assertError(running.http().post("/api/query", Map.of("typ", "has \"a\"")), 400, "bad_json");
    assertError(running.http().post("/api/query", Map.of("limit", 3)), 400, "bad_request");
    assertError(running.http().post("/api/query", ""), 400, "bad_request");
    assertError(
        running.http().post("/api/query", Map.of("type", "has \"a\"", "limit", 0)), 400, "bad_request");
    assertError(
        running.http().post("/api/query", Map.of("type", "has \"a\"", "timeoutMs", 10_000_000)),
        400,
        "bad_request");
    Reply format =
        running.http().post(
            "/api/processes", Map.of("name", "p", "source", "x", "format", "cobol"), TOKEN);
    assertError(format, 400, "bad_request");
    assertThat(format.json().get("detail").asText()).contains("cobol");
  }

  @Test
  void anErrorInAHandlerIsAJsonAnswerNotAnEmptyBody() {
    running.server().stop();
    ScriptedService scripted = new ScriptedService();
    AtomicReference<Error> failure = new AtomicReference<>();
    ProcessService failing =
        (ProcessService)
            Proxy.newProxyInstance(
                ProcessService.class.getClassLoader(),
                new Class<?>[] {ProcessService.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("get")) {
                    throw failure.get();
                  }
                  try {
                    return method.invoke(scripted, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    running.serveOver(failing);

    failure.set(new StackOverflowError());
    assertError(running.http().get("/api/processes/1"), 400, "too_deep");
    failure.set(new AssertionError("a printer's bug"));
    Reply internal = running.http().get("/api/processes/1");
    assertError(internal, 500, "internal");
    assertThat(internal.json().get("detail").asText()).contains("a printer's bug");
    assertThat(running.http().get("/api/health").status()).isEqualTo(200);
  }

  @Test
  void aNameOrDatasetPastTheLimitIs400NamingTheLimit() {
    String long300 = "n".repeat(300);
    Reply name = running.http().post("/api/processes", Map.of("name", long300, "source", "Nil"), TOKEN);
    assertError(name, 400, "bad_request");
    assertThat(name.json().get("detail").asText()).contains("'name'", "300", "limit is 200");
    Reply dataset =
        running.http().post(
            "/api/processes", Map.of("name", "p", "dataset", long300, "source", "Nil"), TOKEN);
    assertError(dataset, 400, "bad_request");
    assertThat(dataset.json().get("detail").asText()).contains("'dataset'", "limit is 200");
    assertError(running.http().get("/api/processes?dataset=" + long300), 400, "bad_request");
    assertError(
        running.http().post("/api/query", Map.of("type", "true", "filters", Map.of("name", long300))),
        400,
        "bad_request");
  }

  @Test
  void unknownRoutesAndMethodsAnswerJson() {
    assertError(running.http().get("/api/nothing-here"), 404, "not_found");
    Reply wrongMethod = running.http().delete("/api/types", TOKEN);
    assertThat(wrongMethod.status()).isIn(404, 405);
    assertThat(wrongMethod.json().get("error").asText()).isNotBlank();
  }

  @Test
  void badJsonDetailsNameTheFieldAndTheJsonTypeNotJavaClasses() {
    Reply unknown = running.http().post("/api/query", Map.of("typ", "has \"a\""));
    assertError(unknown, 400, "bad_json");
    Reply wrongType = running.http().post("/api/query", Map.of("type", "has \"a\"", "limit", "ten"));
    assertError(wrongType, 400, "bad_json");
    Reply nested =
        running.http().post("/api/query", Map.of("type", "has \"a\"", "filters", List.of("dataset")));
    assertError(nested, 400, "bad_json");
    Reply notAnObject = running.http().post("/api/query", "[1, 2]");
    assertError(notAnObject, 400, "bad_json");
    for (Reply r : List.of(unknown, wrongType, nested, notAnObject)) {
      assertThat(r.json().get("detail").asText())
          .doesNotContain("rhoscope.", "java.", "Requests$", "Integer");
    }
    assertThat(unknown.json().get("detail").asText())
        .contains("unknown field 'typ'").contains("type").contains("timeoutMs");
    assertThat(wrongType.json().get("detail").asText())
        .contains("field 'limit' must be a JSON integer");
    assertThat(nested.json().get("detail").asText())
        .contains("field 'filters' must be a JSON object");
    assertThat(notAnObject.json().get("detail").asText()).contains("a JSON object");
  }

  @Test
  void anotherMethodOnAKnownPathIs405WithAllow() throws Exception {
    String id = add("p", "d", "x!(1)").get("id").asText();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String method : List.of("PUT", "PATCH")) {
      for (String path : List.of("/api/processes/" + id, "/api/processes", "/api/query")) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.server().port() + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
        assertThat(TestHttp.JSON.readTree(r.body()).get("error").asText())
            .isEqualTo("method_not_allowed");
        String allow = r.headers().firstValue("Allow").orElse("");
        if (path.equals("/api/query")) {
          assertThat(allow).isEqualTo("POST");
        } else if (path.equals("/api/processes")) {
          assertThat(allow).isEqualTo("POST, GET");
        } else {
          assertThat(allow).isEqualTo("GET, DELETE");
        }
      }
    }
    assertError(running.http().get("/api/nothing-here"), 404, "not_found");
    assertError(running.http().get("/api/processes/nope"), 404, "not_found");
  }

  @Test
  void anXmlNameOrBodyWithoutFormatIsTakenAsSbml() {
    String sbml = "<?xml version=\"1.0\"?>\n<sbml level=\"3\"></sbml>";
    Reply byName =
        running.http().post("/api/processes", Map.of("name", "r.xml", "source", "model"), TOKEN);
    assertThat(byName.json().get("format").asText()).isEqualTo("sbml");
    Reply byBody = running.http().post("/api/processes", Map.of("name", "r2", "source", sbml), TOKEN);
    assertThat(byBody.json().get("format").asText()).isEqualTo("sbml");
    Reply bare = running.http().post("/api/processes", Map.of("name", "r3", "source", "<sbml/>"), TOKEN);
    assertThat(bare.json().get("format").asText()).isEqualTo("sbml");
    Reply rho = running.http().post("/api/processes", Map.of("name", "r4", "source", "x!(1)"), TOKEN);
    assertThat(rho.json().get("format").asText()).isEqualTo("rholang");
    Reply explicit =
        running.http().post("/api/processes",
            Map.of("name", "r5.xml", "source", "x!(1)", "format", "rholang"), TOKEN);
    assertThat(explicit.json().get("format").asText()).isEqualTo("rholang");
  }

  @Test
  void anAnnouncedOversizedBodyIsRefusedWith413() {
    String big = "x".repeat(100 * 1024);
    assertError(
        running.http().post("/api/processes", Map.of("name", "big", "source", big), TOKEN),
        413,
        "body_too_large");
    assertThat(running.http().get("/api/health").status()).isEqualTo(200);
  }

  @Test
  void aChunkedOversizedBodyIsRefusedWith413() throws Exception {
    byte[] big = ("{\"type\": \"" + "y".repeat(100 * 1024) + "\"}").getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.server().port() + "/api/query"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();
    HttpResponse<String> r =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(TestHttp.JSON.readTree(r.body()).get("error").asText())
        .isEqualTo("body_too_large");
  }

  @Test
  void aQueryAnswersWithVerdictsWitnessesAndStatistics() {
    add("sender", "d", "a!(1)\nb!(2)\na!(3)");
    add("quiet", "d", "Nil");
    JsonNode answer = running.http().post("/api/query", Map.of("type", "has \"a!\"")).json();
    assertThat(answer.get("type").asText()).isEqualTo("has \"a!\"");
    assertThat(answer.get("matches")).hasSize(1);
    JsonNode match = answer.get("matches").get(0);
    assertThat(match.get("name").asText()).isEqualTo("sender");
    assertThat(match.get("verdict").asText()).isEqualTo("yes");
    JsonNode frames = match.get("witness").get("steps");
    assertThat(frames).hasSize(2);
    assertThat(frames.get(1).get("channel").get("label").asText()).isEqualTo("line3");
    assertThat(frames.get(1).get("message").asText()).isEqualTo("a!(3)");
    JsonNode stats = answer.get("stats");
    assertThat(stats.get("processes").asLong()).isEqualTo(2);
    assertThat(stats.get("checked").asLong()).isEqualTo(2);
    assertThat(stats.get("matched").asLong()).isEqualTo(1);
  }

  @Test
  void queryFiltersAndLimitRestrictTheAnswer() {
    add("a1", "one", "go!(1)");
    add("a2", "two", "go!(2)");
    add("a3", "two", "go!(3)");
    JsonNode answer =
        running.http().post(
                "/api/query",
                Map.of("type", "has \"go\"", "filters", Map.of("dataset", "two"), "limit", 1))
            .json();
    assertThat(answer.get("matches")).hasSize(1);
    assertThat(answer.get("matches").get(0).get("dataset").asText()).isEqualTo("two");
    assertThat(answer.get("stats").get("candidates").asLong()).isEqualTo(2);
  }

  @Test
  void aStreamedQuerySendsProgressMatchesThenTheAnswer() {
    add("one", "d", "k!(1)");
    add("two", "d", "Nil");
    add("three", "d", "k!(3)");
    Reply r = running.http().postStream("/api/query", Map.of("type", "has \"k!\""));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith(QueryRoutes.NDJSON);
    List<JsonNode> events = r.jsonLines();
    List<String> kinds = events.stream().map(e -> e.get("event").asText()).toList();
    assertThat(kinds).containsOnly("progress", "match", "done");
    assertThat(kinds).filteredOn("progress"::equals).hasSize(3);
    assertThat(kinds).filteredOn("match"::equals).hasSize(2);
    assertThat(kinds.getLast()).isEqualTo("done");
    assertThat(events.getLast().get("answer").get("matches")).hasSize(2);
    JsonNode lastProgress =
        events.stream().filter(e -> e.get("event").asText().equals("progress")).toList().getLast();
    assertThat(lastProgress.get("checked").asLong()).isEqualTo(3);
    assertThat(lastProgress.get("candidates").asLong()).isEqualTo(3);
  }

  @Test
  void aStreamedQueryWithAMalformedTypeIsAPlain400() {
    Reply r = running.http().postStream("/api/query", Map.of("type", "\n  what"));
    assertError(r, 400, "syntax");
    assertThat(r.json().get("line").asInt()).isEqualTo(2);
    assertThat(r.json().get("column").asInt()).isEqualTo(3);
  }

  @Test
  void aStreamedQueryPastItsBudgetEndsWithATimeoutEvent() {
    Reply r = running.http().postStream("/api/query", Map.of("type", "sleep 5000", "timeoutMs", 100));
    List<JsonNode> events = r.jsonLines();
    assertThat(events.getLast().get("event").asText()).isEqualTo("error");
    assertThat(events.getLast().get("error").asText()).isEqualTo("query_timeout");
  }

  @Test
  void aMalformedTypePointsAtLineAndColumn() {
    Reply r = running.http().post("/api/query", Map.of("type", "\n\n   nonsense"));
    assertError(r, 400, "syntax");
    assertThat(r.json().get("line").asInt()).isEqualTo(3);
    assertThat(r.json().get("column").asInt()).isEqualTo(4);
  }

  @Test
  void aQueryPastItsBudgetIs408AndTheServerKeepsServing() {
    Reply r = running.http().post("/api/query", Map.of("type", "sleep 10000", "timeoutMs", 50));
    assertError(r, 408, "query_timeout");
    assertThat(running.http().get("/api/health").status()).isEqualTo(200);
    add("after", "d", "z!(1)");
    assertThat(running.http().post("/api/query", Map.of("type", "has \"z\"")).json().get("matches"))
        .hasSize(1);
  }

  @Test
  void aSaturatedQueryPoolAnswers503AndOtherRoutesStillServe() throws Exception {
    ScriptedService blocking = new ScriptedService();
    try (RhoscopeServer small = ScriptedServer.start(blocking, c -> c.withQueryPool(1, 0))) {
      TestHttp client = new TestHttp(small.port());
      CompletableFuture<Reply> slow =
          CompletableFuture.supplyAsync(
              () -> client.post("/api/query", Map.of("type", "wait", "timeoutMs", 20_000)));
      awaitRunning(client);
      assertError(client.post("/api/query", Map.of("type", "has \"x\"")), 503, "busy");
      assertThat(client.get("/api/health").status()).isEqualTo(200);
      assertThat(client.get("/api/types").status()).isEqualTo(200);
      assertThat(client.get("/").status()).isEqualTo(200);
      assertThat(slow).isNotDone();
      blocking.release();
      assertThat(slow.get().status()).isEqualTo(200);
    }
  }

  /**
   * Work that ignores its cancellation keeps its worker: while every worker is stuck that way, a
   * new query is refused with 503 at once (not queued to time out with 408), nothing piles up in
   * the queue, and once the stuck work returns queries are answered again.
   */
  @Test
  void workStuckPastItsBudgetIsCancelledAndNewQueriesGet503NotAPileOf408s() throws Exception {
    ScriptedService stuck = new ScriptedService();
    try (RhoscopeServer small = ScriptedServer.start(stuck, c -> c.withQueryPool(2, 4))) {
      TestHttp client = new TestHttp(small.port());
      List<CompletableFuture<Reply>> slow = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        slow.add(CompletableFuture.supplyAsync(
            () -> client.post("/api/query", Map.of("type", "stubborn 4000", "timeoutMs", 100))));
      }
      for (CompletableFuture<Reply> s : slow) {
        assertError(s.get(), 408, "query_timeout");
      }
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Reply r = client.post("/api/query", Map.of("type", "has \"x\""));
        statuses.add(r.status());
      }
      assertThat(statuses).containsOnly(503);
      JsonNode health = client.get("/api/health").json();
      assertThat(health.get("queriesQueued").asInt()).isZero();
      assertThat(health.get("queriesOverdue").asInt()).isEqualTo(2);
      // The stuck work returns after its 4 s, each on its own clock: waits for both (no timing
      // asserted), then the workers are free again.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (health.get("queriesOverdue").asInt() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        health = client.get("/api/health").json();
      }
      Reply after = postOnceFree(client, "/api/query", Map.of("type", "has \"x\""));
      assertThat(after.status()).as(after.body()).isEqualTo(200);
      health = client.get("/api/health").json();
      assertThat(health.get("queriesQueued").asInt()).isZero();
      assertThat(health.get("queriesOverdue").asInt()).isZero();
    }
  }

  /**
   * The runner cancels the token of work past its budget: work that polls it (as the engine's
   * explorers do) returns at once, with what it has (here: an answer over no process), so its
   * worker is free for the next query, not overdue.
   */
  @Test
  void aQueryPastItsBudgetThatPollsItsTokenFreesItsSlot() throws Exception {
    ScriptedService polling = new ScriptedService();
    try (RhoscopeServer small = ScriptedServer.start(polling, c -> c.withQueryPool(1, 0))) {
      TestHttp client = new TestHttp(small.port());
      Reply answered = client.post("/api/query", Map.of("type", "polls", "timeoutMs", 50));
      assertThat(answered.status()).as(answered.body()).isEqualTo(200);
      assertThat(answered.json().get("type").asText()).isEqualTo("polls");
      // Waits for the worker's thread to come back from the cancelled work; no timing asserted.
      long deadline = System.nanoTime() + 10_000_000_000L;
      JsonNode health = client.get("/api/health").json();
      while ((health.get("queriesRunning").asInt() > 0 || health.get("queriesOverdue").asInt() > 0)
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
        health = client.get("/api/health").json();
      }
      assertThat(health.get("queriesOverdue").asInt()).isZero();
      assertThat(polling.cancelledRuns.get()).isEqualTo(1);
      Reply next = client.post("/api/query", Map.of("type", "has \"x\""));
      assertThat(next.status()).as(next.body()).isEqualTo(200);
    }
  }

  /**
   * Each route parses a query's type once, and on a query worker, never on the request thread:
   * a type that expands without end must hold a bounded, cancellable worker, not a thread that
   * health checks need.
   */
  @Test
  void aQueryCheckOrTypeParseParsesItsTypeOnceOnAQueryWorker() {
    ScriptedService counting = new ScriptedService();
    try (RhoscopeServer one = ScriptedServer.start(counting, c -> c)) {
      TestHttp client = new TestHttp(one.port());
      assertThat(client.post("/api/query", Map.of("type", "has \"x\"")).status()).isEqualTo(200);
      assertThat(counting.parses.get()).isEqualTo(1);
      assertThat(client.post("/api/query", Map.of("type", "has \"x\"", "stream", true)).status())
          .isEqualTo(200);
      assertThat(counting.parses.get()).isEqualTo(2);
      assertThat(client.post("/api/check", Map.of("process", "x", "type", "has \"x\"")).status())
          .isEqualTo(200);
      assertThat(counting.parses.get()).isEqualTo(3);
      assertThat(client.post("/api/types/parse", Map.of("type", "has \"x\"")).status())
          .isEqualTo(200);
      assertThat(counting.parses.get()).isEqualTo(4);
      assertThat(counting.parsingThreads).isNotEmpty().allMatch(t -> t.startsWith("rhoscope-query-"));
    }
  }

  /**
   * A type's size is checked before it is queued, so an oversized one takes no slot; a malformed
   * one is parsed on a worker like any other, and once one is free it is a 400 at its place.
   */
  @Test
  void oversizedTypesAreRefusedWithoutTakingAQuerySlotAndMalformedOnesOnAWorker()
      throws Exception {
    ScriptedService blocking = new ScriptedService();
    try (RhoscopeServer small = ScriptedServer.start(blocking, c -> c.withQueryPool(1, 0))) {
      TestHttp client = new TestHttp(small.port());
      CompletableFuture<Reply> slow =
          CompletableFuture.supplyAsync(
              () -> client.post("/api/query", Map.of("type", "wait", "timeoutMs", 20_000)));
      awaitRunning(client);
      String huge = "has \"" + "x".repeat(Requests.MAX_TYPE_CHARS) + "\"";
      Reply big = client.post("/api/query", Map.of("type", huge));
      assertError(big, 413, "type_too_large");
      assertThat(big.json().get("detail").asText()).contains("'type'").contains("16384");
      assertError(client.post("/api/check", Map.of("process", "Nil", "type", huge)),
          413, "type_too_large");
      assertError(client.post("/api/query", Map.of("type", "nonsense")), 503, "busy");
      blocking.release();
      assertThat(slow.get().status()).isEqualTo(200);
      assertError(
          postOnceFree(client, "/api/query", Map.of("type", "nonsense")), 400, "syntax");
      assertError(
          postOnceFree(client, "/api/check", Map.of("process", "Nil", "type", "nonsense")),
          400, "syntax");
    }
  }

  /**
   * Posts, again while the answer is 503: a worker that just answered takes a moment to be back
   * in the pool, and a pool without a queue refuses work until it is. No timing asserted.
   */
  private static Reply postOnceFree(TestHttp client, String path, Object body)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Reply r = client.post(path, body);
    while (r.status() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = client.post(path, body);
    }
    return r;
  }

  /** Waits until the server reports a running query (the slow one has reached the pool). */
  private static void awaitRunning(TestHttp client) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (client.get("/api/health").json().get("queriesRunning").asInt() > 0) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the slow query never started");
  }

  @Test
  void checkAnswersForAnInlineProcessWithoutStoringIt() {
    JsonNode answer =
        running.http().post("/api/check", Map.of("process", "ping!(1)", "type", "has \"ping\"")).json();
    assertThat(answer.get("verdict").asText()).isEqualTo("yes");
    assertThat(answer.get("witness").get("steps")).hasSize(1);
    assertThat(running.http().get("/api/processes").json().get("total").asLong()).isZero();

    JsonNode no = running.http().post("/api/check", Map.of("process", "Nil", "type", "has \"ping\"")).json();
    assertThat(no.get("verdict").asText()).isEqualTo("no");
    assertThat(no.has("witness")).as("a field that does not apply is absent").isFalse();
  }

  @Test
  void checkAnswersForAStoredProcess() {
    long id = add("stored", "d", "pong!(2)").get("id").asLong();
    JsonNode answer = running.http().post("/api/check", Map.of("id", id, "type", "has \"pong\"")).json();
    assertThat(answer.get("verdict").asText()).isEqualTo("yes");
    assertError(running.http().post("/api/check", Map.of("id", 999_999, "type", "has \"x\"")), 404, "not_found");
    // ids are numbers on the wire
    assertError(running.http().post("/api/check", Map.of("id", "nope", "type", "has \"x\"")), 400, "bad_json");
  }

  @Test
  void checkRefusesAmbiguousOrMalformedInput() {
    assertError(
        running.http().post("/api/check", Map.of("process", "a", "id", 1, "type", "has \"a\"")),
        400,
        "bad_request");
    assertError(running.http().post("/api/check", Map.of("type", "has \"a\"")), 400, "bad_request");
    Reply bad = running.http().post("/api/check", Map.of("process", "{\n{", "type", "has \"a\""));
    assertError(bad, 400, "syntax");
    assertThat(bad.json().get("line").asInt()).isEqualTo(1);
    assertError(
        running.http().post("/api/check", Map.of("process", "a", "type", "sleep 5000", "timeoutMs", 50)),
        408,
        "query_timeout");
  }

  @Test
  void typesListsTheNamedTypesWithTheirDefinitions() {
    JsonNode types = running.http().get("/api/types").json().get("types");
    List<String> names = new ArrayList<>();
    for (Iterator<JsonNode> it = types.elements(); it.hasNext(); ) {
      JsonNode t = it.next();
      names.add(t.get("name").asText());
      assertThat(t.get("definition").asText()).isNotBlank();
    }
    assertThat(names).containsExactly("has_send", "nap");
  }

  @Test
  void parsingATypeReturnsItsNormalFormOrWhereItIsWrong() {
    JsonNode ok = running.http().post("/api/types/parse", Map.of("type", "has   \"x\"")).json();
    assertThat(ok.get("normalised").asText()).isEqualTo("has \"x\"");
    Reply bad = running.http().post("/api/types/parse", Map.of("type", " \n oops"));
    assertError(bad, 400, "syntax");
    assertThat(bad.json().get("line").asInt()).isEqualTo(2);
    assertThat(bad.json().get("column").asInt()).isEqualTo(2);
    assertError(running.http().post("/api/types/parse", Map.of()), 400, "bad_request");
  }

  @Test
  void theWebPageIsServedAtTheRoot() {
    Reply page = running.http().get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("id=\"query-input\"").contains("/app.js");
    assertThat(running.http().get("/app.js").body()).contains("/api/query");
    assertThat(running.http().get("/style.css").status()).isEqualTo(200);
  }

  @Test
  void stoppingTheServerClosesTheService() {
    running.server().stop();
    assertThat(running.service().closed).isTrue();
    running.serveOver(new ScriptedService());
  }
}
