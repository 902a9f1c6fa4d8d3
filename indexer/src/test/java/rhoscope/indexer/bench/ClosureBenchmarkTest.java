package rhoscope.indexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.Method;
import rhoscope.engine.check.Verdict;

class ClosureBenchmarkTest {
  @Test
  void aRunOnTheShippedPathwaysTimesBothMethodsAndTheyAgreeWhereExplorationConcludes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<ClosureBenchmark.Row> rows =
        ClosureBenchmark.run(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new ClosureBenchmark.Options(
                List.of(Path.of("..", "datasets", "pathways"), Path.of("no", "such", "folder")),
                2,
                Duration.ofSeconds(30)));

    assertThat(rows).isNotEmpty();
    assertThat(rows.stream().map(ClosureBenchmark.Row::model).distinct()).hasSize(2);
    for (ClosureBenchmark.Row row : rows) {
      assertThat(row.closure().method()).isEqualTo(Method.CLOSURE);
      assertThat(row.explored().method()).isEqualTo(Method.EXPLORE);
      if (row.explored().verdict() != Verdict.UNKNOWN) {
        assertThat(row.closure().verdict()).as(row.query()).isEqualTo(row.explored().verdict());
      }
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("closure").contains("exploration");
  }
}
