package rhoscope.indexer;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTimingTest {
  @TempDir Path dir;

  @Test
  void time() throws Exception {
    rhoscope.indexer.bench.QueryBenchmark.run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
        new rhoscope.indexer.bench.QueryBenchmark.Options(Path.of("..", "datasets"), dir, 400, 1, List.of("false")));
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      for (String q : List.of("deadlock_free", "eventually contains \"winner\"!(_)")) {
        for (int i = 0; i < 2; i++) {
          var r = db.query(QueryRequest.of(q).withPlanner(false).withLimit(100000));
          System.err.println(q + " " + r.stats());
          r.results().stream().filter(v -> v.verdict() == Verdict.UNKNOWN || v.millis() > 500).limit(8)
              .forEach(v -> System.err.println("  " + v.name() + ": " + v.verdict() + " " + v.millis() + " " + v.reason()));
        }
      }
    }
  }
}
