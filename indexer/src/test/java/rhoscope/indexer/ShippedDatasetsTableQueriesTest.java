package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every property of the datasets table, planned and brute force, on every shipped file. */
@Tag("slow")
class ShippedDatasetsTableQueriesTest {
  @TempDir Path dir;

  @Test
  void plannedAnswersEqualBruteForceAnswersOnEveryTableProperty() {
    Set<String> queries = new LinkedHashSet<>();
    DatasetsTable.read().rows().forEach(r -> queries.add(r.type()));
    queries.addAll(ShippedDatasetsTest.QUERIES);
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      db.index(List.of(DatasetsTable.DATASETS), IndexOptions.defaults(), IndexProgress.NONE);
      int pruned = 0;
      List<String> disagreements = new ArrayList<>();
      for (String q : queries) {
        PlannedVersusBruteForce.Outcome o = PlannedVersusBruteForce.compare(db, q);
        pruned += o.pruned();
        disagreements.addAll(o.disagreements());
      }
      assertThat(queries).hasSizeGreaterThan(50);
      assertThat(disagreements).isEmpty();
      assertThat(pruned).isPositive();
    }
  }
}
