package rhoscope.server.http;

import io.javalin.http.Context;
import rhoscope.server.wire.ParsedTypeAnswer;
import rhoscope.server.wire.TypeBody;
import rhoscope.server.wire.TypeForms;
import rhoscope.server.wire.TypeList;

/** {@code /api/types}: the standard library, and parsing a type to its normal form. */
final class TypeRoutes {
  private final ProcessService service;
  private final ServerConfig config;
  private final QueryRunner runner;
  private final BodyReader bodies;

  TypeRoutes(ProcessService service, ServerConfig config, QueryRunner runner, BodyReader bodies) {
    this.service = service;
    this.config = config;
    this.runner = runner;
    this.bodies = bodies;
  }

  void list(Context ctx) {
    ctx.json(new TypeList(service.types()));
  }

  /** Parsed on a query worker, within the default budget: parsing a type may expand it a lot. */
  void parse(Context ctx) {
    long arrival = System.nanoTime();
    String type = Requests.typeText(bodies.read(ctx, TypeBody.class).type());
    TypeForms forms =
        runner.run(
            "parse",
            (cancel, deadline) -> service.parseType(type),
            new Deadline(arrival, config.defaultQueryTimeout()));
    ctx.json(new ParsedTypeAnswer(type, forms.normalised(), forms.core()));
  }
}
