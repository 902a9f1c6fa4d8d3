package rhoscope.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/health} and {@code /api/openapi.json}. */
final class MetaRoutes {
  static final String OPENAPI_RESOURCE = "/rhoscope/server/api/openapi.json";

  private final ProcessService service;
  private final QueryRunner runner;
  private final byte[] openApi;

  MetaRoutes(ProcessService service, QueryRunner runner) {
    this.service = service;
    this.runner = runner;
    this.openApi = readOpenApi();
  }

  void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("processes", service.count());
    body.put("queriesRunning", runner.running());
    body.put("queriesQueued", runner.queued());
    body.put("queriesOverdue", runner.overdue());
    ctx.json(body);
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  static byte[] readOpenApi() {
    try (InputStream in = MetaRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
