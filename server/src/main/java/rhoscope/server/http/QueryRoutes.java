package rhoscope.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import rhoscope.lang.diag.LangException;
import rhoscope.server.wire.ApiError;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.CheckBody;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryBody;
import rhoscope.server.wire.StreamEvent;
import rhoscope.server.wire.WireJson;

/** {@code POST /api/query} (whole or streamed as JSON lines) and {@code POST /api/check}. */
final class QueryRoutes {
  static final String NDJSON = "application/x-ndjson";
  private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.UTF_8);

  private final ProcessService service;
  private final ServerConfig config;
  private final QueryRunner runner;
  private final BodyReader bodies;

  QueryRoutes(
      ProcessService service, ServerConfig config, QueryRunner runner, BodyReader bodies) {
    this.service = service;
    this.config = config;
    this.runner = runner;
    this.bodies = bodies;
  }

  void query(Context ctx) throws IOException {
    QueryBody request = bodies.read(ctx, QueryBody.class);
    QuerySpec spec = Requests.querySpec(request, config);
    if (Boolean.TRUE.equals(request.stream()) || accepts(ctx, NDJSON)) {
      stream(ctx, spec);
    } else {
      // Prepared here, on the request thread: a malformed type never takes a query slot.
      Prepared<QueryAnswer> query = service.prepareQuery(spec, QueryListener.NONE);
      ctx.json(runner.run(query, spec.timeout()));
    }
  }

  void check(Context ctx) {
    CheckSpec spec = Requests.checkSpec(bodies.read(ctx, CheckBody.class), config);
    Prepared<CheckAnswer> check = service.prepareCheck(spec);
    ctx.json(runner.run(check, spec.timeout()));
  }

  /**
   * Streams the query: the checker's threads queue events, this request thread writes them. A
   * malformed type is still a plain 400, because it is prepared before the first byte is sent.
   */
  private void stream(Context ctx, QuerySpec spec) throws IOException {
    BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    QueryListener listener =
        new QueryListener() {
          @Override
          public void progress(long checked, long candidates) {
            events.add(new StreamEvent.Progress(checked, candidates));
          }

          @Override
          public void matched(Match match) {
            events.add(new StreamEvent.Matched(match));
          }
        };
    Prepared<QueryAnswer> query = service.prepareQuery(spec, listener);
    QueryRunner.Job<QueryAnswer> job = runner.submit(query);
    Future<QueryAnswer> answer = job.future();
    ctx.status(200).contentType(NDJSON);
    OutputStream out = ctx.res().getOutputStream();
    long start = System.nanoTime();
    long spent = start + spec.timeout().toNanos();
    long deadline = start + QueryRunner.hardLimit(spec.timeout()).toNanos();
    try {
      while (true) {
        StreamEvent event = events.poll(50, TimeUnit.MILLISECONDS);
        if (System.nanoTime() > spent) {
          // past its budget: the query ends with what it has, its last event a partial answer
          job.stop();
        }
        if (event != null) {
          write(out, event);
        } else if (answer.isDone()) {
          for (StreamEvent rest = events.poll(); rest != null; rest = events.poll()) {
            write(out, rest);
          }
          write(out, finished(answer));
          return;
        } else if (System.nanoTime() > deadline) {
          boolean started = job.started();
          job.cancel();
          write(out, failed(started
              ? QueryRunner.timedOut(spec.timeout())
              : new ApiException(503, "busy", "no query worker became free in time; try again")));
          return;
        }
      }
    } catch (InterruptedException e) {
      job.cancel();
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away: stop checking for nobody.
      job.cancel();
    }
  }

  private static StreamEvent finished(Future<QueryAnswer> answer) throws InterruptedException {
    try {
      return new StreamEvent.Done(answer.get());
    } catch (ExecutionException e) {
      return failed(e.getCause());
    }
  }

  private static StreamEvent failed(Throwable cause) {
    return new StreamEvent.Failed(
        switch (cause) {
          case ApiException a -> ApiError.of(a);
          case LangException l -> ApiError.of(l);
          default -> new ApiError("internal", "internal error: " + cause, 0, 0);
        });
  }

  private static void write(OutputStream out, StreamEvent event) throws IOException {
    out.write(WireJson.bytes(event));
    out.write(NEWLINE);
    out.flush();
  }

  private static boolean accepts(Context ctx, String mediaType) {
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
  }
}
