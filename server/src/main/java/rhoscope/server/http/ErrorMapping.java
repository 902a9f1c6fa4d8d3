package rhoscope.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rhoscope.lang.diag.LangException;
import rhoscope.server.wire.ApiError;
import rhoscope.server.wire.ApiException;

/** Maps every exception a handler throws to a JSON {@link ApiError}; handlers never build errors. */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  /**
   * {@code handler}, with any {@link Error} short of running out of memory turned into an exception
   * the mappings answer: Javalin maps exceptions only, and leaves an error to Jetty, whose answer is
   * a 500 with an empty body. A stack overflow is input nested deeper than some pass could follow:
   * the client's to simplify, so a 400. Out of memory is left alone: nothing can be trusted after.
   */
  static Handler guarding(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (OutOfMemoryError e) {
        throw e;
      } catch (StackOverflowError e) {
        LOG.warn("{} {}: stack overflow", ctx.method(), ctx.path());
        throw new ApiException(
            400, "too_deep", "the input is nested too deeply to process (the stack overflowed)");
      } catch (Error e) {
        throw new IllegalStateException(e.toString(), e);
      }
    };
  }

  static void install(Javalin app, List<Route> routes) {
    app.exception(
        ApiException.class,
        (e, ctx) -> {
          if (e.status() == 401) {
            ctx.header("WWW-Authenticate", WriteGuard.CHALLENGE);
          }
          respond(ctx, e.status(), ApiError.of(e));
        });
    app.exception(
        BodyReader.ClientGone.class,
        (e, ctx) -> {
          // Nobody will read an answer: one line, not a stack trace per dropped connection.
          LOG.info("{} {}: the client went away ({})", ctx.method(), ctx.path(), e.getMessage());
          send(ctx, 400, "incomplete_body", e.getMessage());
        });
    app.exception(
        LangException.class, (e, ctx) -> respond(ctx, 400, ApiError.of(e)));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (e.getStatus() == 404 && ctx.path().startsWith("/api")) {
            noRoute(ctx, routes);
          } else {
            send(ctx, e.getStatus(), statusCode(e.getStatus()), e.getMessage());
          }
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
          send(ctx, 500, "internal", "internal error: " + e);
        });
    // Javalin answers unknown routes and some protocol errors itself; give those the same shape.
    app.error(
        404,
        ctx -> {
          if (ctx.path().startsWith("/api") && !isJsonError(ctx)) {
            noRoute(ctx, routes);
          }
        });
    app.error(
        405,
        ctx -> {
          if (!isJsonError(ctx)) {
            send(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
          }
        });
  }

  /**
   * No handler for this method and path: 405 with {@code Allow} when the path is a route's under
   * other methods (Javalin itself answers 404 then), else 404.
   */
  private static void noRoute(Context ctx, List<Route> routes) {
    List<String> allowed = allowedMethods(routes, ctx.path());
    if (allowed.isEmpty()) {
      send(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
    } else {
      ctx.header("Allow", String.join(", ", allowed));
      send(ctx, 405, "method_not_allowed",
          ctx.method() + " is not allowed on " + ctx.path() + "; allowed: "
              + String.join(", ", allowed));
    }
  }

  /** The methods of the routes whose path template matches {@code path}, in route order. */
  static List<String> allowedMethods(List<Route> routes, String path) {
    Set<String> methods = new LinkedHashSet<>();
    for (Route r : routes) {
      String regex = Pattern.quote(r.path()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
      if (Pattern.matches(regex, path)) {
        methods.add(r.method().name());
      }
    }
    return List.copyOf(methods);
  }

  /** The error code of a status that has no more specific one. */
  static String statusCode(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 431 -> "headers_too_large";
      case 503 -> "unavailable";
      default -> "http_" + status;
    };
  }

  private static boolean isJsonError(Context ctx) {
    return ctx.attribute("rhoscope.error") != null;
  }

  static void send(Context ctx, int status, String error, String detail) {
    respond(ctx, status, new ApiError(error, detail == null ? "" : detail, 0, 0));
  }

  private static void respond(Context ctx, int status, ApiError body) {
    ctx.attribute("rhoscope.error", Boolean.TRUE);
    ctx.status(status).json(body);
  }
}
