package rhoscope.lang.parse;

import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.grammar.RholangLexer;
import rhoscope.lang.parse.grammar.RholangParser;

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

  /** How {@link AstBuilder} nests what it builds from each parse-tree node. */
  private static int astLevels(ParserRuleContext parent, int ruleChild) {
    return switch (parent) {
      // a '|' chain is walked in a loop into one Par
      case RholangParser.ParContext par when ruleChild == 0 -> 0;
      // for (r1; r2; ...) { P } is for (r1) { for (r2) { ... { P } } }
      case RholangParser.InputContext input -> ruleChild + 1;
      // let d1; d2; ... in { P } is let d1 in { let d2 in { ... { P } } }
      case RholangParser.LinearDeclsContext decls -> ruleChild + 1;
      case RholangParser.LetContext let
          when ruleChild == 2 && let.decls() instanceof RholangParser.LinearDeclsContext linear ->
          linear.decl().size() + 1;
      default -> 1;
    };
  }

  private ProcessParser() {}

  /**
   * Parses {@code text}; {@code sourceName} names it in error messages (a file name, or
   * {@code <query>}).
   *
   * @throws LangException with {@link ErrorCode#SYNTAX} and the position of the first error,
   *     {@link ErrorCode#BAD_LITERAL} for an integer that does not fit in 64 bits, or
   *     {@link ErrorCode#TOO_DEEP} for input nested beyond {@link NestingLimit}
   */
  public static ParsedProcess parse(String sourceName, String text) {
    return AntlrDriver.guardingDepth(sourceName, text, () -> {
      RholangLexer lexer = new RholangLexer(CharStreams.fromString(text, sourceName));
      CommonTokenStream tokens =
          new CommonTokenStream(NestingLimit.counting(lexer, sourceName, text));
      RholangParser.ProcessContext tree =
          AntlrDriver.parse(
              sourceName,
              text,
              lexer,
              tokens,
              new RholangParser(tokens),
              SyntaxErrors.throwing(sourceName, text, GRAMMAR),
              RholangParser::process);
      NestingLimit.checkTree(tree, ProcessParser::astLevels, sourceName, text);
      AstBuilder builder = new AstBuilder(sourceName, text);
      Proc process = builder.visit(tree);
      return new ParsedProcess(sourceName, text, process, builder.positions());
    });
  }
}
