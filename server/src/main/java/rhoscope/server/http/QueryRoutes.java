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
import java.util.concurrent.atomic.AtomicBoolean;
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
    long arrival = System.nanoTime();
    QueryBody request = bodies.read(ctx, QueryBody.class);
    QuerySpec spec = Requests.querySpec(request, config);
    Deadline deadline = new Deadline(arrival, spec.timeout());
    if (Boolean.TRUE.equals(request.stream()) || accepts(ctx, NDJSON)) {
      stream(ctx, spec, deadline);
    } else {
      // Parsed on the worker, not here: a type that expands without end must not hold this thread.
      Prepared<QueryAnswer> query = service.prepareQuery(spec, QueryListener.NONE);
      ctx.json(runner.run("query", query, deadline));
    }
  }

  void check(Context ctx) {
    long arrival = System.nanoTime();
    CheckSpec spec = Requests.checkSpec(bodies.read(ctx, CheckBody.class), config);
    Prepared<CheckAnswer> check = service.prepareCheck(spec);
    ctx.json(runner.run("check", check, new Deadline(arrival, spec.timeout())));
  }

  /**
   * Streams the query: the checker's threads queue events, this request thread writes them. The
   * 200 waits until the type is compiled on the worker, so that a malformed type, or a query that
   * never got a worker or ran out of time while parsing, is still a plain error answer.
   */
  private void stream(Context ctx, QuerySpec spec, Deadline deadline) throws IOException {
    BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    AtomicBoolean compiled = new AtomicBoolean();
    QueryListener listener =
        new QueryListener() {
          @Override
          public void compiled() {
            compiled.set(true);
          }

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
    QueryRunner.Job<QueryAnswer> job = runner.submit(query, deadline);
    Future<QueryAnswer> answer = job.future();
    long spent = deadline.after(QueryRunner.stopAt(spec.timeout()));
    long hardLimit = deadline.after(QueryRunner.hardLimit(spec.timeout()));
    OutputStream out = null;
    try {
      while (true) {
        StreamEvent event = events.poll(50, TimeUnit.MILLISECONDS);
        if (System.nanoTime() > spent) {
          // past its budget: the query ends with what it has, its last event a partial answer
          job.stop();
        }
        if (out == null && (event != null || compiled.get())) {
          out = open(ctx);
        }
        if (event != null) {
          write(out, event);
        } else if (answer.isDone()) {
          if (out == null) {
            // done before the type compiled: a plain error answer, as an unstreamed query has
            plainAnswerOrThrow(answer);
            out = open(ctx);
          }
          for (StreamEvent rest = events.poll(); rest != null; rest = events.poll()) {
            write(out, rest);
          }
          write(out, finished(answer));
          return;
        } else if (System.nanoTime() > hardLimit) {
          boolean started = job.started();
          job.cancel();
          ApiException why =
              started
                  ? QueryRunner.timedOut("query", spec.timeout())
                  : new ApiException(503, "busy", "no query worker became free in time; try again");
          if (out == null) {
            throw why;
          }
          write(out, failed(why));
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

  private static OutputStream open(Context ctx) throws IOException {
    ctx.status(200).contentType(NDJSON);
    return ctx.res().getOutputStream();
  }

  /** Throws the failure of a finished query, as a plain error answer would carry it. */
  private static void plainAnswerOrThrow(Future<QueryAnswer> answer) throws InterruptedException {
    try {
      answer.get();
    } catch (ExecutionException e) {
      throw QueryRunner.rethrow(e.getCause());
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
