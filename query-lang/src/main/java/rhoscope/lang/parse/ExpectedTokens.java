package rhoscope.lang.parse;

import java.util.HashSet;
import java.util.Set;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PredictionContext;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The tokens that could have come where a prediction failed. A {@link NoViableAltException}
 * carries the ATN configurations that were alive just before the offending token: the tokens
 * each of them could match next, following rule returns through its prediction context and,
 * past the decision's own rule, through the parser's rule invocation stack.
 */
final class ExpectedTokens {
  private ExpectedTokens() {}

  static IntervalSet atDeadEnd(Parser parser, NoViableAltException e) {
    IntervalSet out = new IntervalSet();
    ATNConfigSet configs = e.getDeadEndConfigs();
    if (configs == null) {
      return out;
    }
    ATN atn = parser.getATN();
    Set<String> seen = new HashSet<>();
    for (ATNConfig c : configs) {
      follow(atn, c.state, c.context, e.getCtx(), out, seen);
    }
    return out;
  }

  private static void follow(
      ATN atn,
      ATNState state,
      PredictionContext context,
      RuleContext outer,
      IntervalSet out,
      Set<String> seen) {
    if (!seen.add(state.stateNumber + "/" + System.identityHashCode(context))) {
      return;
    }
    IntervalSet next = atn.nextTokens(state);
    out.addAll(next.subtract(IntervalSet.of(Token.EPSILON)));
    if (!next.contains(Token.EPSILON)) {
      return;
    }
    if (context == null || context.isEmpty()) {
      followOuter(atn, outer, out);
      return;
    }
    for (int i = 0; i < context.size(); i++) {
      int returnState = context.getReturnState(i);
      if (returnState == PredictionContext.EMPTY_RETURN_STATE) {
        followOuter(atn, outer, out);
      } else {
        follow(atn, atn.states.get(returnState), context.getParent(i), outer, out, seen);
      }
    }
  }

  /** What may follow the rule the decision was in, up the parser's invocation stack. */
  private static void followOuter(ATN atn, RuleContext outer, IntervalSet out) {
    RuleContext ctx = outer;
    while (ctx != null && ctx.invokingState >= 0) {
      ATNState invoking = atn.states.get(ctx.invokingState);
      RuleTransition call = (RuleTransition) invoking.transition(0);
      IntervalSet next = atn.nextTokens(call.followState);
      out.addAll(next.subtract(IntervalSet.of(Token.EPSILON)));
      if (!next.contains(Token.EPSILON)) {
        return;
      }
      ctx = ctx.parent;
    }
    out.add(Token.EOF);
  }
}
