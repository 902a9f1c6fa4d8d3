package rhoscope.lang.parse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeDefinition;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
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
   *     {@link ErrorCode#DUPLICATE_DEFINITION} or {@link ErrorCode#TOO_DEEP}
   */
  public static ParsedType parse(String sourceName, String text) {
    return parse(sourceName, text, StandardLibrary.library());
  }

  /** Parses a query whose named types resolve in {@code library} and its own definitions. */
  public static ParsedType parse(String sourceName, String text, TypeLibrary library) {
    return guarded(sourceName, text, () -> {
      Tree<rhoscope.lang.parse.grammar.TypeParser.QueryContext> tree =
          tree(sourceName, text, rhoscope.lang.parse.grammar.TypeParser::query);
      TypeTreeBuilder builder = new TypeTreeBuilder(sourceName, text, tree.tokens(), library);
      List<TypeDefinition> defs = builder.definitions(tree.context().letDef());
      Type type = builder.type(tree.context().type());
      return new ParsedType(sourceName, text, defs, type, builder.scope(), builder.positions());
    });
  }

  /**
   * Parses a file of {@code let} definitions (each may carry a {@code /** doc *}{@code /}) and
   * returns {@code base} extended with them.
   */
  public static TypeLibrary parseLibrary(String sourceName, String text, TypeLibrary base) {
    return guarded(sourceName, text, () -> {
      Tree<rhoscope.lang.parse.grammar.TypeParser.LibraryContext> tree =
          tree(sourceName, text, rhoscope.lang.parse.grammar.TypeParser::library);
      TypeTreeBuilder builder = new TypeTreeBuilder(sourceName, text, tree.tokens(), base);
      builder.definitions(tree.context().letDef());
      return builder.scope();
    });
  }

  private static <T> T guarded(String sourceName, String text, Supplier<T> work) {
    try {
      return work.get();
    } catch (StackOverflowError e) {
      throw new LangException(
          ErrorCode.TOO_DEEP, sourceName, text, 1, 1, "input is too deeply nested");
    }
  }

  private record Tree<C>(C context, CommonTokenStream tokens) {}

  private static <C> Tree<C> tree(
      String sourceName, String text, Function<rhoscope.lang.parse.grammar.TypeParser, C> rule) {
    TypeLexer lexer = new TypeLexer(CharStreams.fromString(text, sourceName));
    lexer.removeErrorListeners();
    lexer.addErrorListener(SyntaxErrors.throwing(sourceName, text, GRAMMAR));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    rhoscope.lang.parse.grammar.TypeParser parser =
        new rhoscope.lang.parse.grammar.TypeParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(SyntaxErrors.throwing(sourceName, text, GRAMMAR));
    parser.setErrorHandler(new NonRecovering());
    // SLL is fast and almost always right; when it fails the input may still be fine, so
    // only the full-LL verdict counts.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return new Tree<>(rule.apply(parser), tokens);
    } catch (LangException sllFailure) {
      if (sllFailure.code() != ErrorCode.SYNTAX) {
        throw sllFailure;
      }
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return new Tree<>(rule.apply(parser), tokens);
    }
  }

  /** Never inserts or deletes tokens to carry on: the first error is the one reported. */
  private static final class NonRecovering extends DefaultErrorStrategy {
    @Override
    public Token recoverInline(Parser recognizer) {
      InputMismatchException e = new InputMismatchException(recognizer);
      reportError(recognizer, e);
      throw new IllegalStateException("error listener did not throw", e);
    }
  }
}
