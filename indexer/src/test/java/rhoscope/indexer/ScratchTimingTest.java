package rhoscope.indexer;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTimingTest {
  @TempDir Path dir;

  @Test
  void time() throws Exception {
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      long a = System.nanoTime();
      var s = db.index(List.of(Path.of("..", "datasets")), IndexOptions.defaults(), IndexProgress.NONE);
      System.err.println("index ms " + (System.nanoTime() - a) / 1000000 + " " + s);
      db.list().stream().filter(p -> p.format() == rhoscope.indexer.catalog.ProcessFormat.SBML)
          .forEach(p -> System.err.println(p.name() + " " + p.stateCount() + " " + p.explorationComplete()));
      for (String q : List.of("deadlock_free", "eventually contains \"K_PP\"!(_)", "terminates", "always contains \"E1\"!(_)")) {
        var r = db.query(QueryRequest.of(q).withPlanner(false).withCache(false).withLimit(1000));
        System.err.println(q + " " + r.stats());
        r.results().stream().filter(v -> v.millis() > 300).forEach(v -> System.err.println("  " + v.name() + " " + v.verdict() + " " + v.millis()));
      }
    }
  }
}
