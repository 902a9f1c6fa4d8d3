package rhoscope.lang.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.grammar.TypeLexer;
import rhoscope.lang.parse.grammar.TypeParser;

/**
 * Turns the first syntax error in a type into a {@link LangException}, with the expected tokens
 * collapsed into rule names: a set holding every token that can start a type reads
 * {@code <type>}.
 */
final class TypeSyntaxErrors {
  /** The rules worth naming, widest first. */
  private static final Map<Integer, String> RULES = new LinkedHashMap<>();

  static {
    RULES.put(TypeParser.RULE_type, "<type>");
    RULES.put(TypeParser.RULE_payload, "<payload>");
    RULES.put(TypeParser.RULE_namePattern, "<name>");
    RULES.put(TypeParser.RULE_literal, "<literal>");
  }

  private TypeSyntaxErrors() {}

  static ANTLRErrorListener throwing(String sourceName, String text) {
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
        if (recognizer instanceof Lexer lexer) {
          detail = unrecognized(lexer, text, line, charPositionInLine);
        } else if (recognizer instanceof Parser parser && offendingSymbol instanceof Token token) {
          detail = describe(parser, token, e);
        }
        throw new LangException(
            ErrorCode.SYNTAX, sourceName, text, line, charPositionInLine + 1, detail);
      }
    };
  }

  private static String unrecognized(Lexer lexer, String text, int line, int column) {
    int start = lexer._tokenStartCharIndex;
    char c = start >= 0 && start < text.length() ? text.charAt(start) : '?';
    return switch (c) {
      case '"' -> "unterminated string literal";
      case '`' -> "unterminated URI literal";
      default -> "unexpected character '" + c + "'";
    };
  }

  private static String describe(Parser parser, Token token, RecognitionException e) {
    IntervalSet expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
    String input = token.getType() == Token.EOF ? "end of input" : "'" + token.getText() + "'";
    String message = "unexpected " + input;
    List<String> names = collapse(parser, expected);
    return names.isEmpty() ? message : message + ", expected " + String.join(", ", names);
  }

  private static List<String> collapse(Parser parser, IntervalSet expected) {
    if (expected == null || expected.isNil()) {
      return List.of();
    }
    ATN atn = parser.getATN();
    IntervalSet left = new IntervalSet(expected);
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, String> rule : RULES.entrySet()) {
      IntervalSet first = atn.nextTokens(atn.ruleToStartState[rule.getKey()]);
      if (!first.isNil() && first.subtract(left).isNil()) {
        out.add(rule.getValue());
        left = left.subtract(first);
      }
    }
    for (int type : left.toList()) {
      out.add(switch (type) {
        case Token.EOF -> "end of input";
        case TypeLexer.IDENT -> "<identifier>";
        case TypeLexer.INT -> "<integer>";
        case TypeLexer.STRING -> "<string>";
        case TypeLexer.URI -> "<uri>";
        default -> parser.getVocabulary().getDisplayName(type);
      });
    }
    return out;
  }
}
