package rhoscope.lang.parse;

import java.util.function.Function;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/**
 * Runs a generated ANTLR parser the way both of rhoscope's languages want it: the first error
 * throws (no recovery: one precise error beats a cascade of guesses), and prediction tries the
 * fast SLL mode before full LL, as Trino's parser does.
 */
final class AntlrDriver {
  private AntlrDriver() {}

  /**
   * Parses {@code rule} with {@code parser}, reading {@code tokens} from {@code lexer}; every
   * error goes to {@code errors}, which must throw.
   */
  static <P extends Parser, C> C parse(
      String sourceName,
      String text,
      Lexer lexer,
      CommonTokenStream tokens,
      P parser,
      ANTLRErrorListener errors,
      Function<P, C> rule) {
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    parser.setErrorHandler(new NonRecovering());
    // SLL is fast and almost always right; when it fails the input may still be fine (SLL can
    // report false errors), so only the full-LL verdict counts.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return guardingStack(parser, sourceName, text, rule);
    } catch (LangException sllFailure) {
      if (sllFailure.code() != ErrorCode.SYNTAX) {
        throw sllFailure;
      }
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return guardingStack(parser, sourceName, text, rule);
    }
  }

  /**
   * Runs {@code rule}, turning a stack overflow into TOO_DEEP at the token the parser had reached:
   * a long prefix chain ({@code not not not ...}) has no brackets for the pre-scan to count.
   */
  private static <P extends Parser, C> C guardingStack(
      P parser, String sourceName, String text, Function<P, C> rule) {
    try {
      return rule.apply(parser);
    } catch (StackOverflowError e) {
      throw NestingLimit.tooDeep(
          sourceName, text, parser.getCurrentToken(), "input is too deeply nested");
    }
  }

  /** Runs {@code work}, turning a stack overflow (deeply nested input) into a user error. */
  static <T> T guardingDepth(String sourceName, String text, Supplier<T> work) {
    try {
      return work.get();
    } catch (StackOverflowError e) {
      throw new LangException(
          ErrorCode.TOO_DEEP, sourceName, text, 1, 1, "input is too deeply nested");
    }
  }

  /**
   * Never inserts or deletes a token to carry on (that would blur the report): a mismatch
   * propagates to the rule, which reports it to the listener, which throws. Before each decision
   * it checks whether the thread was interrupted: the full-LL pass reads tokens already buffered,
   * so the token source alone would not see an interrupt there.
   */
  private static final class NonRecovering extends DefaultErrorStrategy {
    @Override
    public void sync(Parser recognizer) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ParseInterruptedException(
            recognizer.getSourceName(), recognizer.getCurrentToken().getLine());
      }
      super.sync(recognizer);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
      throw new InputMismatchException(recognizer);
    }
  }
}
