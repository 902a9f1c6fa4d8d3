package rhoscope.server.backend;

import java.util.List;
import rhoscope.engine.check.CheckPlan;
import rhoscope.lang.ParsedType;
import rhoscope.lang.parse.StandardLibrary;
import rhoscope.lang.parse.TypeParser;
import rhoscope.lang.print.TypePrinter;
import rhoscope.server.wire.NamedType;
import rhoscope.server.wire.TypeForms;

/** The type language as the API shows it: the standard library, and parsing a query's text. */
final class TypeCatalog {
  static final String QUERY_SOURCE = "query";

  private TypeCatalog() {}

  static List<NamedType> standardLibrary() {
    return StandardLibrary.definitions().stream()
        .map(d -> new NamedType(d.name(), d.params(), TypePrinter.print(d.body()), d.doc()))
        .toList();
  }

  /** Parses the query text; a malformed type throws a LangException that points into it. */
  static ParsedType parse(String text) {
    return TypeParser.parse(QUERY_SOURCE, text);
  }

  /** Parses and compiles the query text once, for every layer that needs it. */
  static CheckPlan compile(String text) {
    return CheckPlan.parse(QUERY_SOURCE, text);
  }

  /** The plan's forms, from the core it already expanded. */
  static TypeForms forms(CheckPlan plan) {
    ParsedType parsed = plan.parsed().orElseThrow();
    return new TypeForms(
        TypePrinter.print(parsed.definitions(), parsed.type()), TypePrinter.print(plan.core()));
  }

  static TypeForms forms(ParsedType parsed) {
    return new TypeForms(
        TypePrinter.print(parsed.definitions(), parsed.type()), TypePrinter.print(parsed.core()));
  }
}
