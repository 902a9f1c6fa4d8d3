package rhoscope.lang.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/**
 * Turns the first ANTLR syntax error into a {@link LangException} (no recovery: one precise
 * error beats a cascade of guesses), with the expected tokens collapsed into rule names as
 * Trino does: a set that holds every token that can start a process reads {@code <process>}.
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  /** An error listener that throws at the first error it hears of. */
  static ANTLRErrorListener throwing(
      String sourceName, String text, Map<Integer, String> ruleNames) {
    return new BaseErrorListener() {
      @Override
      public void syntaxError(
          Recognizer<?, ?> recognizer,
          Object offendingSymbol,
          int line,
          int charPositionInLine,
          String msg,
          RecognitionException e) {
        String detail = msg;
        if (recognizer instanceof Parser parser && offendingSymbol instanceof Token token) {
          detail = describe(parser, token, e, ruleNames);
        }
        throw new LangException(
            ErrorCode.SYNTAX, sourceName, text, line, charPositionInLine + 1, detail);
      }
    };
  }

  private static String describe(
      Parser parser, Token token, RecognitionException e, Map<Integer, String> ruleNames) {
    String unknown = unrecognized(token);
    if (unknown != null) {
      return unknown;
    }
    String input = "'" + (token.getType() == Token.EOF ? "<EOF>" : token.getText()) + "'";
    String message = "mismatched input " + input;
    IntervalSet expected;
    if (e instanceof NoViableAltException nva && nva.getStartToken() != token) {
      // ANTLR's own expected set is the one where the failed decision began, tokens ago;
      // what was viable at the offending token is in the configurations that died there.
      expected = ExpectedTokens.atDeadEnd(parser, nva);
    } else {
      expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
    }
    List<String> names = collapse(parser, expected, ruleNames);
    return names.isEmpty() ? message : message + ". Expecting: " + String.join(", ", names);
  }

  /** A message for a character no token starts with, or null for a real token. */
  private static String unrecognized(Token token) {
    if (token.getType() != RholangLexer.UNRECOGNIZED) {
      return null;
    }
    return switch (token.getText()) {
      case "\"" -> "unterminated string literal (or an escape other than \\\" \\\\ \\n \\t)";
      case "`" -> "unterminated URI literal (or an escape other than \\` \\\\)";
      default -> "unexpected character '" + token.getText() + "'";
    };
  }

  /**
   * The expected tokens as display names: first every rule (in the given order) whose whole
   * FIRST set is expected, standing for those tokens, then the remaining tokens.
   */
  private static List<String> collapse(
      Parser parser, IntervalSet expected, Map<Integer, String> ruleNames) {
    if (expected == null || expected.isNil()) {
      return List.of();
    }
    ATN atn = parser.getATN();
    IntervalSet left = new IntervalSet(expected);
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, String> rule : ruleNames.entrySet()) {
      IntervalSet first = atn.nextTokens(atn.ruleToStartState[rule.getKey()]);
      boolean expectedWhole = first.subtract(expected).isNil();
      boolean coveredAlready = first.and(left).isNil();
      if (!first.isNil() && expectedWhole && !coveredAlready) {
        out.add(rule.getValue());
        left = left.subtract(first);
      }
    }
    for (int type : left.toList()) {
      out.add(tokenName(parser, type));
    }
    return out;
  }

  private static String tokenName(Parser parser, int type) {
    return switch (type) {
      case Token.EOF -> "<EOF>";
      case RholangLexer.VAR -> "<identifier>";
      case RholangLexer.LONG -> "<integer>";
      case RholangLexer.STRING -> "<string>";
      case RholangLexer.URI -> "<uri>";
      default -> parser.getVocabulary().getDisplayName(type);
    };
  }

  /** The rules worth naming in Rholang messages, widest first. */
  static Map<Integer, String> rholangRules() {
    Map<Integer, String> rules = new LinkedHashMap<>();
    rules.put(RholangParser.RULE_proc, "<process>");
    rules.put(RholangParser.RULE_proc4, "<expression>");
    rules.put(RholangParser.RULE_proc13, "<pattern>");
    rules.put(RholangParser.RULE_name, "<name>");
    return rules;
  }
}
