package rhoscope.server.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import rhoscope.server.web.WebPage;
import rhoscope.server.wire.WireJson;

/**
 * The HTTP server: the JSON API under {@code /api} and the web page at {@code /}. Start it with
 * {@link #start(ServerConfig)}, stop it with {@link #stop()} (which also closes the service).
 */
public final class RhoscopeServer implements AutoCloseable {
  private static final String PROCESSES = "/api/processes";
  private static final String PROCESS = "/api/processes/{id}";

  /**
   * A request body slower than this, in bytes a second, is cut off (408): a client trickling a
   * byte every few seconds must not hold a request thread for minutes. Low, because Jetty measures
   * the rate from the body's first byte to each read: a small body that arrived whole but is read
   * seconds later, on a loaded server, must not look slow (a 30-byte query body may wait 7 s).
   */
  static final long MIN_REQUEST_BYTES_PER_SECOND = 4;

  /**
   * A connection that neither sends nor receives for this long is closed; a query's answer is
   * written as soon as it is known, so this bounds only clients that stall.
   */
  static final long IDLE_TIMEOUT_MS = 30_000;

  private final Javalin app;
  private final QueryRunner runner;
  private final ProcessService service;
  private final List<Route> routes;

  private RhoscopeServer(
      Javalin app, QueryRunner runner, ProcessService service, List<Route> routes) {
    this.app = app;
    this.runner = runner;
    this.service = service;
    this.routes = routes;
  }

  public static RhoscopeServer start(ServerConfig config) {
    ProcessService service = config.service();
    QueryRunner runner = new QueryRunner(config.queryWorkers(), config.maxQueuedQueries());
    WriteGuard guard = new WriteGuard(config.token());
    BodyReader bodies = new BodyReader(config.maxBodyBytes());
    ProcessRoutes processes = new ProcessRoutes(service, config, runner, guard, bodies);
    QueryRoutes queries = new QueryRoutes(service, config, runner, bodies);
    TypeRoutes types = new TypeRoutes(service, config, runner, bodies);
    MetaRoutes meta = new MetaRoutes(service, runner);

    Javalin app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.http.maxRequestSize = config.maxBodyBytes();
              c.jsonMapper(new JavalinJackson(WireJson.MAPPER, false));
              c.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                    http.setIdleTimeout(IDLE_TIMEOUT_MS);
                  });
              c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              c.jetty.modifyServletContextHandler(
                  context -> context.setErrorHandler(new JettyErrors()));
              WebPage.install(c);
            });
    // Refuse an announced oversized body before reading it; BodyReader bounds the others.
    app.before(
        ctx -> {
          if (ctx.contentLength() > config.maxBodyBytes()) {
            throw BodyReader.tooLarge(config.maxBodyBytes());
          }
        });
    List<Route> routes =
        List.of(
            new Route(HandlerType.GET, "/api/health", meta::health),
            new Route(HandlerType.GET, "/api/openapi.json", meta::openApi),
            new Route(HandlerType.POST, PROCESSES, processes::put),
            new Route(HandlerType.GET, PROCESSES, processes::list),
            new Route(HandlerType.GET, PROCESS, processes::show),
            new Route(HandlerType.DELETE, PROCESS, processes::remove),
            new Route(HandlerType.POST, "/api/query", queries::query),
            new Route(HandlerType.POST, "/api/check", queries::check),
            new Route(HandlerType.GET, "/api/types", types::list),
            new Route(HandlerType.POST, "/api/types/parse", types::parse));
    ErrorMapping.install(app, routes);
    routes.forEach(
        r -> app.addHttpHandler(r.method(), r.path(), ErrorMapping.guarding(r.handler())));
    try {
      app.start(config.host(), config.port());
      for (Connector connector : app.jettyServer().server().getConnectors()) {
        if (connector instanceof AbstractConnector c) {
          c.setIdleTimeout(IDLE_TIMEOUT_MS);
        }
      }
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    return new RhoscopeServer(app, runner, service, routes);
  }

  /** Every API route the server registered; the OpenAPI document describes each. */
  List<Route> routes() {
    return routes;
  }

  /** The port the server listens on (the chosen one when the config asked for 0). */
  public int port() {
    return app.port();
  }

  /** Stops listening, interrupts running queries and closes the service. */
  public void stop() {
    app.stop();
    runner.close();
    service.close();
  }

  @Override
  public void close() {
    stop();
  }
}
