package rhoscope.lang.parse;

import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/**
 * Parses Rholang 1.x source (the language of the reference grammar {@code rholang_mercury.cf})
 * into the process AST. The one entry point is {@link #parse(String, String)}.
 */
public final class ProcessParser {
  private static final SyntaxErrors.Grammar GRAMMAR =
      new SyntaxErrors.Grammar(
          List.of(
              Map.entry(RholangParser.RULE_proc, "<process>"),
              Map.entry(RholangParser.RULE_proc4, "<expression>"),
              Map.entry(RholangParser.RULE_proc13, "<pattern>"),
              Map.entry(RholangParser.RULE_name, "<name>")),
          Map.of(
              RholangLexer.VAR, "<identifier>",
              RholangLexer.LONG, "<integer>",
              RholangLexer.STRING, "<string>",
              RholangLexer.URI, "<uri>"),
          RholangLexer.UNRECOGNIZED,
          Map.of("\"", "\\\" \\\\ \\n \\t", "`", "\\` \\\\"));

  private ProcessParser() {}

  /**
   * Parses {@code text}; {@code sourceName} names it in error messages (a file name, or
   * {@code <query>}).
   *
   * @throws LangException with {@link ErrorCode#SYNTAX} and the position of the first error,
   *     {@link ErrorCode#BAD_LITERAL} for an integer that does not fit in 64 bits, or
   *     {@link ErrorCode#TOO_DEEP} for input nested beyond the parser's stack
   */
  public static ParsedProcess parse(String sourceName, String text) {
    try {
      RholangParser.ProcessContext tree = parseTree(sourceName, text);
      AstBuilder builder = new AstBuilder(sourceName, text);
      Proc process = builder.visit(tree);
      return new ParsedProcess(sourceName, text, process, builder.positions());
    } catch (StackOverflowError e) {
      throw new LangException(
          ErrorCode.TOO_DEEP, sourceName, text, 1, 1, "input is too deeply nested");
    }
  }

  private static RholangParser.ProcessContext parseTree(String sourceName, String text) {
    RholangLexer lexer = new RholangLexer(CharStreams.fromString(text, sourceName));
    lexer.removeErrorListeners();
    lexer.addErrorListener(SyntaxErrors.throwing(sourceName, text, GRAMMAR));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    RholangParser parser = new RholangParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(SyntaxErrors.throwing(sourceName, text, GRAMMAR));
    parser.setErrorHandler(new NonRecovering());
    // SLL is fast and almost always right; when it fails the input may still be fine (SLL
    // can report false errors), so only the full-LL verdict counts.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return parser.process();
    } catch (LangException sllFailure) {
      if (sllFailure.code() != ErrorCode.SYNTAX) {
        throw sllFailure;
      }
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return parser.process();
    }
  }

  /**
   * Never inserts or deletes a token to carry on (that would blur the report): a mismatch
   * propagates to the rule, which reports it to the listener, which throws.
   */
  private static final class NonRecovering extends DefaultErrorStrategy {
    @Override
    public Token recoverInline(Parser recognizer) {
      throw new InputMismatchException(recognizer);
    }
  }
}
