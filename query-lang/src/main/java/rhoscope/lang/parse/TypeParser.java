package rhoscope.lang.parse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeDefinition;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.parse.grammar.TypeLexer;

/**
 * Parses types (queries) and libraries of named types. The ANTLR-generated parser has the same
 * simple name and lives in {@code rhoscope.lang.parse.grammar}, hence the qualified references.
 */
public final class TypeParser {
  private static final SyntaxErrors.Grammar GRAMMAR =
      new SyntaxErrors.Grammar(
          List.of(
              Map.entry(rhoscope.lang.parse.grammar.TypeParser.RULE_type, "<type>"),
              Map.entry(rhoscope.lang.parse.grammar.TypeParser.RULE_payload, "<payload>"),
              Map.entry(rhoscope.lang.parse.grammar.TypeParser.RULE_namePattern, "<name>"),
              Map.entry(rhoscope.lang.parse.grammar.TypeParser.RULE_literal, "<literal>")),
          Map.of(
              TypeLexer.IDENT, "<identifier>",
              TypeLexer.INT, "<integer>",
              TypeLexer.STRING, "<string>",
              TypeLexer.URI, "<uri>"),
          TypeLexer.UNRECOGNIZED,
          Map.of());

  private TypeParser() {}

  /**
   * Parses a query: {@code let} definitions, then a type. Named types resolve in the standard
   * library and the query's own definitions.
   *
   * @throws LangException with the position of the first problem: {@link ErrorCode#SYNTAX},
   *     {@link ErrorCode#UNBOUND_TYPE_VARIABLE}, {@link ErrorCode#NEGATIVE_FIXPOINT},
   *     {@link ErrorCode#UNKNOWN_NAMED_TYPE}, {@link ErrorCode#ARITY},
   *     {@link ErrorCode#BAD_COMPARISON}, {@link ErrorCode#BAD_LITERAL},
   *     {@link ErrorCode#DUPLICATE_DEFINITION}, {@link ErrorCode#TOO_DEEP} or
   *     {@link ErrorCode#TOO_LARGE}
   */
  public static ParsedType parse(String sourceName, String text) {
    return parse(sourceName, text, StandardLibrary.library());
  }

  /** Parses a query whose named types resolve in {@code library} and its own definitions. */
  public static ParsedType parse(String sourceName, String text, TypeLibrary library) {
    return AntlrDriver.guardingDepth(sourceName, text, () -> {
      Tree<rhoscope.lang.parse.grammar.TypeParser.QueryContext> tree =
          tree(sourceName, text, rhoscope.lang.parse.grammar.TypeParser::query);
      TypeTreeBuilder builder = new TypeTreeBuilder(sourceName, text, tree.tokens(), library);
      List<TypeDefinition> defs = builder.definitions(tree.context().letDef());
      Type type = builder.type(tree.context().type());
      Positions positions = builder.positions();
      TypeLimits.check(defs, type, builder.scope(), positions, sourceName, text);
      return new ParsedType(sourceName, text, defs, type, builder.scope(), positions);
    });
  }

  /**
   * Parses a file of {@code let} definitions (each may carry a {@code /** doc *}{@code /}) and
   * returns {@code base} extended with them.
   */
  public static TypeLibrary parseLibrary(String sourceName, String text, TypeLibrary base) {
    return AntlrDriver.guardingDepth(sourceName, text, () -> {
      Tree<rhoscope.lang.parse.grammar.TypeParser.LibraryContext> tree =
          tree(sourceName, text, rhoscope.lang.parse.grammar.TypeParser::library);
      TypeTreeBuilder builder = new TypeTreeBuilder(sourceName, text, tree.tokens(), base);
      builder.definitions(tree.context().letDef());
      return builder.scope();
    });
  }

  private record Tree<C>(C context, CommonTokenStream tokens) {}

  private static <C extends ParserRuleContext> Tree<C> tree(
      String sourceName, String text, Function<rhoscope.lang.parse.grammar.TypeParser, C> rule) {
    TypeLexer lexer = new TypeLexer(CharStreams.fromString(text, sourceName));
    CommonTokenStream tokens =
        new CommonTokenStream(NestingLimit.counting(lexer, sourceName, text));
    C context =
        AntlrDriver.parse(
            sourceName,
            text,
            lexer,
            tokens,
            new rhoscope.lang.parse.grammar.TypeParser(tokens),
            SyntaxErrors.throwing(sourceName, text, GRAMMAR),
            rule);
    NestingLimit.checkTree(context, NestingLimit.Levels.ONE_EACH, sourceName, text);
    return new Tree<>(context, tokens);
  }
}
