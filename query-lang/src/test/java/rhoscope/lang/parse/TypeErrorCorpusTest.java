package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/** Each {@code errors/type/CODE-what.type} must fail with CODE, a position and a caret. */
class TypeErrorCorpusTest {
  private static final Path DIR = Path.of("src", "test", "resources", "errors", "type");

  static Stream<Path> inputs() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> types = files.filter(p -> p.toString().endsWith(".type")).sorted().toList();
      return types.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void badTypeFailsWithTheCodeItsFileNameCarries(Path input) throws IOException {
    String name = input.getFileName().toString();
    ErrorCode expected = ErrorCode.valueOf(name.substring(0, name.indexOf('-')));
    String text = Files.readString(input, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TypeParser.parse(name, text))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).as(e.getMessage()).isEqualTo(expected);
              assertThat(e.line()).isPositive();
              assertThat(e.getMessage()).startsWith(name + ":" + e.line() + ":" + e.column() + ": ");
              String[] excerpt = e.excerpt().split("\n");
              assertThat(excerpt).hasSize(2);
              assertThat(excerpt[1]).endsWith("^");
              String line = text.split("\r\n|\r|\n", -1)[e.line() - 1];
              if (line.length() <= LangException.EXCERPT_WIDTH) {
                assertThat(excerpt[1]).hasSize(e.column());
              } else {
                // a long line is cut around the column, and the caret still points at it
                String at = line.substring(Math.min(line.length(), e.column() - 1));
                assertThat(at).startsWith(excerpt[0].substring(excerpt[1].length() - 1)
                    .replaceFirst("\\.\\.\\.$", ""));
              }
            });
  }

  @Test
  void corpusCoversEveryWellFormednessCode() throws IOException {
    List<String> names = inputs().map(p -> p.getFileName().toString()).toList();
    for (ErrorCode code :
        List.of(
            ErrorCode.SYNTAX,
            ErrorCode.UNBOUND_TYPE_VARIABLE,
            ErrorCode.NEGATIVE_FIXPOINT,
            ErrorCode.UNKNOWN_NAMED_TYPE,
            ErrorCode.ARITY,
            ErrorCode.BAD_COMPARISON,
            ErrorCode.TOO_DEEP,
            ErrorCode.TOO_LARGE)) {
      assertThat(names).anyMatch(n -> n.startsWith(code.name() + "-"));
    }
  }

  @Test
  void errorsPointAtTheOffendingToken() {
    assertThatThrownBy(() -> TypeParser.parse("q", "always\n  not (mu X. not <>X)"))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NEGATIVE_FIXPOINT);
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(20);
              assertThat(e.excerpt()).isEqualTo("  not (mu X. not <>X)\n" + " ".repeat(19) + "^");
            });
  }
}
