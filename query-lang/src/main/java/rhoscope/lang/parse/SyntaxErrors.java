package rhoscope.lang.parse;

import java.util.ArrayList;
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
 * Turns the first ANTLR syntax error of either language into a {@link LangException} (no
 * recovery: one precise error beats a cascade of guesses), in one style for both so that users
 * of processes and queries read the same messages: Trino's, with the expected tokens collapsed
 * into rule names, {@code mismatched input '}'. Expecting: <process>}.
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  /**
   * What the messages need to know of one grammar.
   *
   * @param rules the rules worth naming, widest first: a rule stands for its FIRST set
   * @param tokens names for the tokens whose text varies (identifiers, literals)
   * @param unrecognized the lexer's catch-all token, for a character that starts no other one
   * @param escapes for each literal delimiter whose lexer rule admits only some escapes, those
   *     escapes: a literal with another one fails to lex just like an unterminated one
   */
  record Grammar(
      List<Map.Entry<Integer, String>> rules,
      Map<Integer, String> tokens,
      int unrecognized,
      Map<String, String> escapes) {}

  /** An error listener that throws at the first error it hears of. */
  static ANTLRErrorListener throwing(String sourceName, String text, Grammar grammar) {
    return new BaseErrorListener() {
      @Override
      public void syntaxError(
          Recognizer<?, ?> recognizer,
          Object offendingSymbol,
          int line,
          int charPositionInLine,
          String msg,
          RecognitionException e) {
        String detail =
            recognizer instanceof Parser parser && offendingSymbol instanceof Token token
                ? describe(grammar, parser, token, e)
                : msg;
        throw new LangException(
            ErrorCode.SYNTAX, sourceName, text, line, charPositionInLine + 1, detail);
      }
    };
  }

  private static String describe(
      Grammar grammar, Parser parser, Token token, RecognitionException e) {
    if (token.getType() == grammar.unrecognized()) {
      return unrecognized(grammar, token.getText());
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
    List<String> names = collapse(grammar, parser, expected);
    return names.isEmpty() ? message : message + ". Expecting: " + String.join(", ", names);
  }

  /** The message for {@code c}, a character that starts no token. */
  private static String unrecognized(Grammar grammar, String c) {
    String literal =
        switch (c) {
          case "\"" -> "string";
          case "`" -> "URI";
          default -> null;
        };
    if (literal == null) {
      return "unexpected character '" + c + "'";
    }
    String escapes = grammar.escapes().get(c);
    String message = "unterminated " + literal + " literal";
    return escapes == null ? message : message + " (or an escape other than " + escapes + ")";
  }

  /**
   * The expected tokens as display names: first every rule (in the grammar's order) whose whole
   * FIRST set is expected and not already named by a wider rule, then the remaining tokens.
   */
  private static List<String> collapse(Grammar grammar, Parser parser, IntervalSet expected) {
    if (expected == null || expected.isNil()) {
      return List.of();
    }
    ATN atn = parser.getATN();
    IntervalSet left = new IntervalSet(expected);
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, String> rule : grammar.rules()) {
      IntervalSet first = atn.nextTokens(atn.ruleToStartState[rule.getKey()]);
      boolean expectedWhole = first.subtract(expected).isNil();
      boolean coveredAlready = first.and(left).isNil();
      if (!first.isNil() && expectedWhole && !coveredAlready) {
        out.add(rule.getValue());
        left = left.subtract(first);
      }
    }
    for (int type : left.toList()) {
      out.add(
          type == Token.EOF
              ? "<EOF>"
              : grammar.tokens().getOrDefault(type, parser.getVocabulary().getDisplayName(type)));
    }
    return out;
  }
}
