package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.catalog.ProcessCodec;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessSummary;

/**
 * A process moved to another database as stored (what a cluster member hands over) keeps its
 * features and its cached verdicts: the other database answers from them without checking.
 */
class ExportAdoptTest {
  private static final Path CONTRACTS = Path.of("..", "datasets", "contracts");

  @TempDir Path dir;

  @Test
  void anAdoptedProcessAnswersFromItsMovedVerdictsWithoutACheck() {
    try (ProcessDatabase from = ProcessDatabase.open(dir.resolve("from"), 1);
        ProcessDatabase to = ProcessDatabase.open(dir.resolve("to"), 1)) {
      from.index(List.of(CONTRACTS), IndexOptions.defaults(), IndexProgress.NONE);
      QueryResult first = from.query(QueryRequest.of("deadlock_free"));
      assertThat(first.stats().checked()).isPositive();

      for (ProcessSummary s : from.list()) {
        ProcessCodec.Portable out = from.export(s.id()).orElseThrow();
        ProcessCodec.Portable back = ProcessCodec.decode(ProcessCodec.encode(out));
        assertThat(back.record()).isEqualTo(out.record().withId(0));
        assertThat(back.verdicts()).isEqualTo(out.verdicts());
        to.adopt(back);
      }
      ProcessRecord some = from.get(from.list().get(0).id()).orElseThrow();
      ProcessRecord moved =
          to.list().stream()
              .filter(s -> s.name().equals(some.name()))
              .findFirst()
              .flatMap(s -> to.get(s.id()))
              .orElseThrow();
      assertThat(moved.features()).isEqualTo(some.features());
      assertThat(moved.fingerprint()).isEqualTo(some.fingerprint());

      QueryResult again = to.query(QueryRequest.of("deadlock_free"));
      assertThat(again.stats().checked()).as("checks run after the move").isZero();
      assertThat(again.stats().fromCache()).isEqualTo(first.stats().checked());
      assertThat(names(again)).isEqualTo(names(first));
      assertThat(again.stats().total()).isEqualTo(first.stats().total());
      assertThat(again.stats().prunedByIndex()).isEqualTo(first.stats().prunedByIndex());
    }
  }

  @Test
  void bytesOfAnotherLayoutAreRefusedWithWhatToDo() {
    assertThatThrownBy(() -> ProcessCodec.decode(new byte[] {0, 0, 0, 9}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same rhoscope on every member");
  }

  private static List<String> names(QueryResult r) {
    return r.results().stream().map(v -> v.name() + " " + v.verdict()).sorted().toList();
  }
}
