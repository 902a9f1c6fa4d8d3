package rhoscope.server.http;

import io.javalin.http.Context;
import rhoscope.server.wire.ParsedTypeAnswer;
import rhoscope.server.wire.TypeBody;
import rhoscope.server.wire.TypeForms;
import rhoscope.server.wire.TypeList;

/** {@code /api/types}: the standard library, and parsing a type to its normal form. */
final class TypeRoutes {
  private final ProcessService service;
  private final BodyReader bodies;

  TypeRoutes(ProcessService service, BodyReader bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  void list(Context ctx) {
    ctx.json(new TypeList(service.types()));
  }

  void parse(Context ctx) {
    String type = Requests.typeText(bodies.read(ctx, TypeBody.class).type());
    TypeForms forms = service.parseType(type);
    ctx.json(new ParsedTypeAnswer(type, forms.normalised(), forms.core()));
  }
}
