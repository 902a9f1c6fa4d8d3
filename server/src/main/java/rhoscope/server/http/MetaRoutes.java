package rhoscope.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import rhoscope.server.wire.Health;

/** {@code /api/health} and {@code /api/openapi.json}. */
final class MetaRoutes {
  static final String OPENAPI_RESOURCE = "/rhoscope/server/http/openapi.json";

  private final ProcessService service;
  private final QueryRunner runner;
  private final byte[] openApi;

  MetaRoutes(ProcessService service, QueryRunner runner) {
    this.service = service;
    this.runner = runner;
    this.openApi = readOpenApi();
  }

  void health(Context ctx) {
    ctx.json(
        new Health(
            "ok", service.count(), runner.running(), runner.queued(), runner.overdue(),
            service.cluster().orElse(null)));
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
