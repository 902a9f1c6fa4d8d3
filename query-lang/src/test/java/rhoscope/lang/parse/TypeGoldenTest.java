package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rhoscope.lang.ParsedType;
import rhoscope.lang.print.TypePrinter;

/**
 * Golden files: each {@code golden/type/NAME.type} is parsed, printed, and normalised; the
 * output must equal {@code NAME.golden} (regenerate with {@code -Dgolden.update=true}), and the
 * printed query must parse back to the same tree.
 */
class TypeGoldenTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden", "type");

  static Stream<Path> inputs() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> types = files.filter(p -> p.toString().endsWith(".type")).sorted().toList();
      return types.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void printedAndNormalisedFormsMatchTheGoldenFile(Path input) throws IOException {
    String text = Files.readString(input, StandardCharsets.UTF_8);
    ParsedType parsed = TypeParser.parse(input.getFileName().toString(), text);
    String printed = TypePrinter.print(parsed.definitions(), parsed.type());
    String actual = "-- printed\n" + printed + "\n-- core, normalised\n" + parsed.normalizedKey() + "\n";

    ParsedType reparsed = TypeParser.parse("printed", printed);
    assertThat(reparsed.type()).isEqualTo(parsed.type());
    assertThat(reparsed.definitions()).isEqualTo(parsed.definitions());

    Path golden = input.resolveSibling(input.getFileName().toString().replace(".type", ".golden"));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
