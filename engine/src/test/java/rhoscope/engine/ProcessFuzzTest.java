package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.print.ProcessPrinter;

/**
 * Fuzzes the way every process goes in: parse, print, compile. Whatever the bytes, the parser
 * either refuses them with a {@link LangException} or returns a tree whose printed form parses
 * back to the same tree and prints the same again (a fixed point), and the compiler either
 * refuses the tree with a {@link LangException} or compiles it; nothing else may escape, no
 * stack overflow, no internal exception.
 *
 * <p>The normal build runs the inputs under {@code ProcessFuzzTestInputs/} (seeds, and every
 * crash fuzzing found); {@code scripts/fuzz.sh} fuzzes for longer ({@code JAZZER_FUZZ=1}).
 */
class ProcessFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void parsedProcessesPrintToAFixedPointAndCompileOrAreRefused(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ParsedProcess parsed;
    try {
      parsed = ProcessParser.parse("fuzz.rho", text);
    } catch (LangException refused) {
      return;
    }
    String printed = ProcessPrinter.print(parsed.process());
    ParsedProcess again = ProcessParser.parse("printed.rho", printed);
    assertThat(again.process()).as(printed).isEqualTo(parsed.process());
    assertThat(ProcessPrinter.print(again.process())).isEqualTo(printed);
    try {
      Engine.load(parsed);
    } catch (LangException refused) {
      assertThat(refused.line()).as(refused.getMessage()).isPositive();
    }
  }
}
