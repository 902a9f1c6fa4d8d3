package rhoscope.server.api;

import io.javalin.http.Context;
import java.util.Map;

/** {@code /api/types}: the standard library, and parsing a type to its normal form. */
final class TypeRoutes {
  private final ProcessService service;
  private final BodyReader bodies;

  TypeRoutes(ProcessService service, BodyReader bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  void list(Context ctx) {
    ctx.json(Map.of("types", service.types()));
  }

  void parse(Context ctx) {
    String type = Requests.typeText(bodies.read(ctx, Requests.ParseType.class).type());
    TypeForms forms = service.parseType(type);
    ctx.json(Map.of("type", type, "normalised", forms.normalised(), "core", forms.core()));
  }
}
