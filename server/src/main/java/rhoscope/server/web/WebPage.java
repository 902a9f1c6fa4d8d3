package rhoscope.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import rhoscope.lang.parse.TypeParser;
import rhoscope.server.wire.ApiException;

/**
 * The web page: plain HTML, CSS and JavaScript from the jar's {@code /web}, served at {@code /},
 * and the one thing the page asks the server that the API does not answer: {@code GET
 * /page/reading?type=T}, what each verdict on T means in T's words (a {@link Reading}). It is the
 * page's, not the API's: it may change with the page, so the API document leaves it out.
 */
public final class WebPage {
  static final String RESOURCE_DIR = "/web";
  static final String READING = "/page/reading";

  private WebPage() {}

  public static void install(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = RESOURCE_DIR;
          files.location = Location.CLASSPATH;
          // The page is small and changes with the jar; always revalidate.
          files.headers = Map.of("Cache-Control", "no-cache");
        });
    config.router.mount(routes -> routes.get(READING, WebPage::reading));
  }

  /** A malformed type throws the parser's error, which the server answers as any other. */
  private static void reading(Context ctx) {
    String type = ctx.queryParam("type");
    if (type == null || type.isBlank()) {
      throw ApiException.badRequest("give the type to read: " + READING + "?type=...");
    }
    ctx.json(Wording.of(TypeParser.parse("query", type)));
  }
}
