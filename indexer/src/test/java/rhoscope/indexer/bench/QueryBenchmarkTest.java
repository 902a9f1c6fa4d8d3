package rhoscope.indexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryBenchmarkTest {
  @TempDir Path dir;

  @Test
  void aSmallRunReportsEveryQueryInEveryModeAndPrunesTheSelectiveOne() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QueryBenchmark.Report r =
        QueryBenchmark.run(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new QueryBenchmark.Options(
                Path.of("..", "datasets"),
                dir,
                // above the shipped datasets' 62 models, so that the run generates variants too
                80,
                1,
                List.of("eventually contains \"winner\"!(_)", "deadlock_free")));

    assertThat(r.processes()).isGreaterThanOrEqualTo(80);
    assertThat(r.rows()).hasSize(8);
    QueryBenchmark.Row selective = r.rows().get(0);
    assertThat(selective.mode()).isEqualTo("index, cold");
    assertThat(selective.pruneRatio()).isGreaterThan(0.8);
    assertThat(r.rows().get(2).stats().prunedByIndex()).isZero();
    assertThat(r.rows().get(1).stats().fromCache())
        .isEqualTo(r.rows().get(1).stats().total() - r.rows().get(1).stats().prunedByIndex());
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("median").contains("deadlock_free");
  }

  @Test
  void percentilesUseTheNearestRank() {
    long[] samples = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(QueryBenchmark.percentile(samples, 50)).isEqualTo(5);
    assertThat(QueryBenchmark.percentile(samples, 95)).isEqualTo(10);
    assertThat(QueryBenchmark.percentile(new long[] {7}, 95)).isEqualTo(7);
  }

  @Test
  void renamingSuffixesEveryPublicNameConsistently() {
    assertThat(Variants.renamed("@\"winner\"!(\"carol\") | for (_ <- @\"winner\") { Nil }", "_v2"))
        .isEqualTo("@\"winner_v2\"!(\"carol_v2\") | for (_ <- @\"winner_v2\") { Nil }");
  }
}
