package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import rhoscope.lang.diag.LangException;

/** A receive inside a match pattern, as RChain's Either checks the functions it is given. */
class ReceivePatternTest {
  private static String shapeOf(String f) {
    return "new fn, hold in { hold!(" + f + ") | for (@f <- hold) { match f {"
        + " { for (x, y, r <- c) { _ } } => { @\"twoArgs\"!(Nil) }"
        + " { for (@state, x, y, r <- c) { _ } } => { @\"withState\"!(Nil) }"
        + " _ => { @\"other\"!(Nil) } } } }";
  }

  /** The state the program ends in, following the first step of each state. */
  private static String outcome(String source) {
    Program p = Programs.load(source);
    StateView s = p.initialState();
    while (!p.successors(s).isEmpty()) {
      s = p.successors(s).get(0).target();
    }
    return s.print();
  }

  @Test
  void aReceiveWithThreeVariableFormalsMatchesTheThreeBinderPattern() {
    assertThat(outcome(shapeOf("for (@a, b, ret <- fn) { ret!(a) }"))).contains("\"twoArgs\"");
  }

  @Test
  void quotedAndPlainVariablesAreOneBinderAsInRChain() {
    assertThat(outcome(shapeOf("for (a, @b, @c, ret <- fn) { ret!(b) }"))).contains("\"withState\"");
  }

  @Test
  void aDifferentArityOrAWildcardFormalOrASendDoesNotMatch() {
    assertThat(outcome(shapeOf("for (@a, ret <- fn) { ret!(a) }"))).contains("\"other\"");
    assertThat(outcome(shapeOf("for (_, b, ret <- fn) { ret!(b) }"))).contains("\"other\"");
    assertThat(outcome(shapeOf("fn!(1, 2, 3)"))).contains("\"other\"");
  }

  @Test
  void thePatternBindsTheReceivesChannel() {
    // as Either's map2 does: run the function given, then call it on the channel the match bound
    String src = "new fn, hold in { hold!(for (@a, ret <- fn) { ret!(a + 1) }) |"
        + " for (@f <- hold) { match f { { for (x, r <- c) { _ } } => {"
        + " f | new ret in { c!(41, *ret) | for (@v <- ret) { @\"out\"!(v) } } } } } }";
    assertThat(outcome(src)).contains("@\"out\"!(42)");
  }

  @Test
  void aReceivePatternWithABodyIsUnsupported() {
    assertThatThrownBy(() -> Programs.load(
        "match Nil { { for (x <- c) { Nil } } => Nil }"))
        .isInstanceOf(LangException.class).hasMessageContaining("whose body is not '_'");
  }
}
