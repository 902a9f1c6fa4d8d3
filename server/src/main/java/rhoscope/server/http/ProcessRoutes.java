package rhoscope.server.http;

import io.javalin.http.Context;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.ProcessUpload;
import rhoscope.server.wire.SourceFormat;
import rhoscope.server.wire.StoredProcess;

/** {@code /api/processes}: add or replace, list, show, remove. */
final class ProcessRoutes {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 1000;

  private final ProcessService service;
  private final ServerConfig config;
  private final QueryRunner runner;
  private final WriteGuard guard;
  private final BodyReader bodies;

  ProcessRoutes(
      ProcessService service, ServerConfig config, QueryRunner runner, WriteGuard guard,
      BodyReader bodies) {
    this.service = service;
    this.config = config;
    this.runner = runner;
    this.guard = guard;
    this.bodies = bodies;
  }

  /**
   * Parses and analyses the process on a query worker, within the default budget and holding no
   * lock, then stores it here: the write lock is held only to store, never while parsing.
   */
  void put(Context ctx) {
    long arrival = System.nanoTime();
    guard.require(ctx);
    NewProcess process = Requests.newProcess(bodies.read(ctx, ProcessUpload.class));
    PendingUpload pending =
        runner.run(
            "upload",
            (cancel, deadline) -> service.stage(process),
            new Deadline(arrival, config.defaultQueryTimeout()));
    Upload upload = pending.commit();
    StoredProcess stored = upload.process();
    ctx.status(upload.created() ? 201 : 200)
        .header("Location", "/api/processes/" + stored.id())
        .json(stored);
  }

  void list(Context ctx) {
    int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    String format = ctx.queryParam("format");
    ProcessFilter filter =
        new ProcessFilter(
            Requests.blankToNull(Requests.name(ctx.queryParam("dataset"), "dataset")),
            Requests.blankToNull(Requests.name(ctx.queryParam("name"), "name")),
            format == null || format.isBlank() ? null : SourceFormat.fromWire(format));
    ctx.json(service.list(filter, offset, limit));
  }

  void show(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(service.get(id).orElseThrow(() -> noSuchProcess(id)));
  }

  void remove(Context ctx) {
    guard.require(ctx);
    String id = ctx.pathParam("id");
    if (!service.remove(id)) {
      throw noSuchProcess(id);
    }
    ctx.status(204);
  }

  static ApiException noSuchProcess(String id) {
    return ApiException.notFound("no process with id '" + id + "'");
  }

  private static int intParam(Context ctx, String name, int byDefault, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return byDefault;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max + ": " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " is not a number: '" + text + "'");
    }
  }
}
