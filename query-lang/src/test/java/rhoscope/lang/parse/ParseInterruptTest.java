package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A parse whose thread is interrupted (a server request given up on past its budget) stops with
 * {@link ParseInterruptedException} instead of running on for nobody, and leaves the interrupt set.
 */
class ParseInterruptTest {
  /** A long but well-formed process: thousands of tokens. */
  private static final String LONG_PROCESS =
      "new x in { " + "x!(1) | ".repeat(5_000) + "Nil }";

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void aProcessParseOnAnInterruptedThreadStops() {
    assertThat(ProcessParser.parse("long.rho", LONG_PROCESS).process()).isNotNull();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> ProcessParser.parse("long.rho", LONG_PROCESS))
        .isInstanceOf(ParseInterruptedException.class)
        .hasMessageContaining("long.rho")
        .hasMessageContaining("interrupted");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aTypeParseOnAnInterruptedThreadStops() {
    String type = "eventually " + "contains \"a\"!(_) and ".repeat(500) + "true";
    assertThat(TypeParser.parse("query", type).type()).isNotNull();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> TypeParser.parse("query", type))
        .isInstanceOf(ParseInterruptedException.class)
        .hasMessageContaining("query");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
