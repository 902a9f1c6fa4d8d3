package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.print.TypePrinter;

/**
 * Fuzzes the way every query goes in: parse, expand the sugar and named types, print. Whatever
 * the bytes, the parser either refuses them with a {@link LangException} or returns a type whose
 * expansion is core, and whose printed core parses back to a type that prints the same (a fixed
 * point); nothing else may escape, no stack overflow, no internal exception.
 *
 * <p>The normal build runs the inputs under {@code TypeFuzzTestInputs/} (seeds, and every crash
 * fuzzing found); {@code scripts/fuzz.sh} fuzzes for longer ({@code JAZZER_FUZZ=1}).
 */
class TypeFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void parsedTypesExpandToCoreAndPrintToAFixedPointOrAreRefused(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ParsedType parsed;
    try {
      parsed = TypeParser.parse("<query>", text);
    } catch (LangException refused) {
      assertThat(refused.line()).as(refused.getMessage()).isPositive();
      return;
    }
    Type core = parsed.core();
    assertThat(TypeExpander.isCore(core)).isTrue();
    String printed = TypePrinter.print(core);
    ParsedType again = TypeParser.parse("<printed>", printed);
    assertThat(TypePrinter.print(again.core())).isEqualTo(printed);
  }
}
