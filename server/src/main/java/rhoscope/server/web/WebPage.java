package rhoscope.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/** The web page: plain HTML, CSS and JavaScript from the jar's {@code /web}, served at {@code /}. */
public final class WebPage {
  static final String RESOURCE_DIR = "/web";

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
  }
}
