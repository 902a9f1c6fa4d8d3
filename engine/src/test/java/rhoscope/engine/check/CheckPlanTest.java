package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Program;
import rhoscope.lang.ParsedType;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.TypeParser;

class CheckPlanTest {
  private static final String PHILOSOPHERS =
      "new f1, f2, f3 in { f1!(Nil) | f2!(Nil) | f3!(Nil)"
          + " | for (_ <- f1 & _ <- f2) { f1!(Nil) | f2!(Nil) }"
          + " | for (_ <- f2 & _ <- f3) { f2!(Nil) | f3!(Nil) }"
          + " | for (_ <- f3 & _ <- f1) { f3!(Nil) | f1!(Nil) } }";

  @Test
  void aPlanKeepsTheCoreAndKeyOfItsParse() {
    ParsedType parsed = TypeParser.parse("q", "eventually deadlock");
    CheckPlan plan = CheckPlan.compile(parsed);
    assertThat(plan.parsed()).containsSame(parsed);
    assertThat(plan.core()).isEqualTo(parsed.core());
    assertThat(plan.key()).isEqualTo(parsed.normalizedKey());
    assertThat(plan.onTheFly()).isTrue();
    assertThat(CheckPlan.parse("q", "<>true and [](not deadlock)").onTheFly()).isFalse();
  }

  @Test
  void aPlanFromTheCoreHasTheSameKeyAsOneFromTheParse() {
    ParsedType parsed = TypeParser.parse("q", "always not deadlock");
    assertThat(CheckPlan.compile(parsed.core()).key()).isEqualTo(parsed.normalizedKey());
  }

  @Test
  void anUnsupportedTypeIsRefusedWhenCompiledNotPerCandidate() {
    assertThatThrownBy(() -> CheckPlan.parse("q", "(eventually deadlock) | true"))
        .isInstanceOf(LangException.class)
        .satisfies(e -> assertThat(((LangException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
  }

  @Test
  void onePlanChecksManyProgramsAsTheOneShotCheckDoes() {
    CheckPlan plan = CheckPlan.parse("q", "eventually deadlock");
    for (String source : new String[] {PHILOSOPHERS, "new a in { a!(Nil) | for (_ <- a) { Nil } }"}) {
      Program program = CheckFixtures.program(source);
      CheckResult viaPlan = plan.check(program, CheckFixtures.OPTIONS);
      CheckResult oneShot =
          ModelChecker.check(program, TypeParser.parse("q", "eventually deadlock"), CheckFixtures.OPTIONS);
      assertThat(viaPlan.verdict()).isEqualTo(oneShot.verdict());
      assertThat(viaPlan.states()).isEqualTo(oneShot.states());
    }
  }

  @Test
  void aCancelledTokenEndsBothCheckPathsAsUnknownAndIncomplete() {
    Program program = CheckFixtures.program(PHILOSOPHERS);
    for (String type : new String[] {"always not deadlock", "<>true and [](not deadlock)"}) {
      Cancellation cancel = Cancellation.create();
      cancel.cancel();
      CheckResult r = CheckPlan.parse("q", type).check(program, CheckFixtures.OPTIONS, cancel);
      assertThat(r.verdict()).as(type).isEqualTo(Verdict.UNKNOWN);
      assertThat(r.complete()).as(type).isFalse();
      assertThat(r.reason()).as(type).isEqualTo(ModelChecker.CANCELLED);
      assertThat(r.witness()).as(type).isEmpty();
    }
  }

  @Test
  void theSharedNeverTokenCannotBeCancelled() {
    assertThatThrownBy(Cancellation.NEVER::cancel).isInstanceOf(IllegalStateException.class);
    assertThat(Cancellation.NEVER.isCancelled()).isFalse();
  }
}
