package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.TypeParser;
import rhoscope.lang.print.TypePrinter;

/** The checker reads what the user wrote from the expander's tags, not from the expansion. */
class SugarTagTest {

  @Test
  void theShapeComesFromTheTagUnderLeadingNegations() {
    Shape shape = Shape.of(TypeParser.parse("<q>", "not not eventually deadlock").core()).orElseThrow();
    assertThat(shape.eventually()).isTrue();
    assertThat(shape.negations()).isEqualTo(2);
    assertThat(TypePrinter.printAsWritten(shape.body())).isEqualTo("deadlock");
    assertThat(shape.onTheFly()).isTrue();
    Shape always = Shape.of(TypeParser.parse("<q>", "deadlock_free").core()).orElseThrow();
    assertThat(always.eventually()).isFalse();
    assertThat(TypePrinter.printAsWritten(always.body())).isEqualTo("not deadlock");
  }

  @Test
  void aHandWrittenExpansionHasTheShapeAndOtherFixpointsHaveNone() {
    assertThat(Shape.of(TypeParser.parse("<q>", "mu Y. a!() or <>Y").core())).isPresent();
    assertThat(Shape.of(TypeParser.parse("<q>", "mu X. <>X or a!()").core())).isEmpty();
    assertThat(Shape.of(TypeParser.parse("<q>", "inevitably a!()").core())).isEmpty();
    assertThat(Shape.of(TypeParser.parse("<q>", "contains a!()").core())).isEmpty();
  }

  @Test
  void aModalityUnderParIsReportedAsTheUserWroteIt() {
    assertThatThrownBy(() -> Support.validate(TypeParser.parse("<q>", "contains eventually a!()").core()))
        .isInstanceOfSatisfying(LangException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
          assertThat(e.getMessage()).contains("'eventually a!()' cannot be an operand of '|'");
        });
  }

  @Test
  void aPayloadOrContinuationIsNotAPartOfTheState() {
    Support.validate(TypeParser.parse("<q>", "contains a!(<>true) | for(_){ eventually b!() }").core());
  }
}
