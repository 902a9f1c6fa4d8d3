package rhoscope.lang.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.parse.ProcessParser;

/**
 * Golden files: each {@code golden/process/NAME.rho} prints as {@code NAME.printed}, and the
 * printed text parses back to the same tree. Run with {@code -Dgolden.update=true} (or the
 * environment variable {@code GOLDEN_UPDATE=true}) to rewrite the expected files.
 */
class ProcessPrinterGoldenTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden", "process");

  static Stream<Path> goldenFiles() throws IOException {
    try (Stream<Path> list = Files.list(DIR)) {
      return list.filter(p -> p.toString().endsWith(".rho")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void printsAsTheGoldenFileAndParsesBack(Path source) throws IOException {
    Proc parsed =
        ProcessParser.parse(source.toString(), Files.readString(source, StandardCharsets.UTF_8))
            .process();
    String printed = ProcessPrinter.print(parsed) + "\n";
    Path expected = source.resolveSibling(source.getFileName().toString().replace(".rho", ".printed"));
    if (updating()) {
      Files.writeString(expected, printed, StandardCharsets.UTF_8);
    }
    assertThat(expected).exists();
    assertThat(printed).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    assertThat(ProcessParser.parse(expected.toString(), printed).process()).isEqualTo(parsed);
  }

  private static boolean updating() {
    return Boolean.getBoolean("golden.update")
        || "true".equalsIgnoreCase(System.getenv("GOLDEN_UPDATE"));
  }
}
