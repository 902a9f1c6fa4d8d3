package rhoscope.lang.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;

/** Printing any parsed corpus process and parsing the text again gives the same tree. */
class ProcessPrinterRoundTripTest {
  private static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "rholang", "rchain");

  @Test
  void everyCorpusProcessSurvivesPrintAndParse() throws IOException {
    assumeTrue(
        Files.isDirectory(CORPUS),
        "Rholang corpus not found at " + CORPUS.toAbsolutePath().normalize() + "; skipping");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(p -> p.toString().endsWith(".rho")).sorted().toList();
    }
    List<String> broken = new ArrayList<>();
    for (Path file : files) {
      Proc parsed =
          ProcessParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8))
              .process();
      String printed = ProcessPrinter.print(parsed);
      try {
        Proc again = ProcessParser.parse("printed " + file, printed).process();
        if (!again.equals(parsed)) {
          broken.add(file + ": the printed text parses to a different tree:\n" + printed);
        }
      } catch (LangException e) {
        broken.add(file + ": the printed text does not parse: " + e.getMessage());
      }
    }
    assertThat(files).isNotEmpty();
    assertThat(broken).isEmpty();
  }
}
