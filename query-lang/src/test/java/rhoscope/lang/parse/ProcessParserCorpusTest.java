package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.lang.diag.LangException;

/** The parser agrees with the reference grammar on every file of the shared corpus. */
class ProcessParserCorpusTest {

  @Test
  void acceptsEveryFileTheReferenceGrammarAcceptsAndRejectsTheRest() {
    List<String> wrong = new ArrayList<>();
    List<Path> accepted = RholangCorpus.accepted();
    List<Path> rejected = RholangCorpus.rejected();
    for (Path file : accepted) {
      try {
        ProcessParser.parse(file.toString(), RholangCorpus.read(file));
      } catch (LangException e) {
        wrong.add("rejected a valid file: " + e.getMessage());
      }
    }
    for (Path file : rejected) {
      try {
        ProcessParser.parse(file.toString(), RholangCorpus.read(file));
        wrong.add("accepted an invalid file: " + file);
      } catch (LangException e) {
        if (e.line() <= 0) {
          wrong.add("rejected without a position: " + e.getMessage());
        }
      }
    }
    assertThat(accepted).isNotEmpty();
    assertThat(rejected).isNotEmpty();
    assertThat(wrong).as("files on the wrong side of the reference grammar").isEmpty();
  }
}
