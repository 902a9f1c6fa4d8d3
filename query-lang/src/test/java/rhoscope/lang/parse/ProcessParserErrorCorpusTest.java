package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/**
 * The error corpus: {@code errors/process/CODE-what.rho} must fail with {@code CODE} at the
 * {@code line:column} its first line announces ({@code // expect L:C}).
 */
class ProcessParserErrorCorpusTest {
  private static final Path DIR = Path.of("src", "test", "resources", "errors", "process");
  private static final Pattern EXPECT = Pattern.compile("^// expect (\\d+):(\\d+)");

  static Stream<Path> badInputs() throws IOException {
    try (Stream<Path> list = Files.list(DIR)) {
      return list.filter(p -> p.toString().endsWith(".rho")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsWithTheCodeAndPositionTheFileAnnounces(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    ErrorCode code = ErrorCode.valueOf(fileName.substring(0, fileName.indexOf('-')));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Matcher expect = EXPECT.matcher(text);
    assertThat(expect.find()).as("first line of %s says // expect L:C", file).isTrue();
    int line = Integer.parseInt(expect.group(1));
    int column = Integer.parseInt(expect.group(2));

    LangException e =
        catchThrowableOfType(LangException.class, () -> ProcessParser.parse(fileName, text));

    assertThat(e).as("%s is rejected", fileName).isNotNull();
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.line() + ":" + e.column()).isEqualTo(line + ":" + column);
    assertThat(e.getMessage()).startsWith(fileName + ":" + line + ":" + column + ": ");
    assertThat(e.excerpt()).endsWith("^");
  }
}
