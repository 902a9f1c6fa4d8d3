package rhoscope.server.api;

import io.javalin.http.HandlerType;
import java.util.Objects;

/** One route of the API, as registered and as described in the OpenAPI document. */
record Route(HandlerType method, String path) {
  Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }
}
