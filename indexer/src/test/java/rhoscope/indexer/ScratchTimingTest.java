package rhoscope.indexer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTimingTest {
  @TempDir Path dir;

  @Test
  void time() throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("ping.rho"), "new ping in { ping!(1) | for (x <- ping) { @\"pong\"!(x) } }");
    Files.writeString(src.resolve("stuck.rho"), "// waits forever\nfor (x <- @\"never\") { @\"done\"!(x) }");
    long t0 = System.nanoTime();
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      long t1 = System.nanoTime();
      db.index(List.of(src), IndexOptions.defaults(), IndexProgress.NONE);
      long t2 = System.nanoTime();
      var r1 = db.query(QueryRequest.of("true").withText("forever"));
      long t3 = System.nanoTime();
      var r2 = db.query(QueryRequest.of("true").withNamePattern("PI*"));
      long t4 = System.nanoTime();
      System.err.printf("open %d index %d q1 %d q2 %d%n%s%n%s%n", (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000, (t4-t3)/1000000, r1, r2);
    }
    Path ds = Path.of("..", "datasets");
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db2"))) {
      long a = System.nanoTime();
      var s = db.index(List.of(ds), IndexOptions.defaults(), IndexProgress.NONE);
      long b = System.nanoTime();
      System.err.printf("datasets index %d ms %s%n", (b-a)/1000000, s);
      for (var p : db.list()) System.err.println(p.name() + " states=" + p.stateCount() + " complete=" + p.explorationComplete());
      for (String q : List.of("deadlock_free", "not deadlock_free", "terminates", "eventually race(balance)")) {
        long c = System.nanoTime();
        var r = db.query(QueryRequest.of(q).withCache(false).withPlanner(false));
        long d = System.nanoTime();
        System.err.printf("%s: %d ms %s%n", q, (d-c)/1000000, r.stats());
        r.results().stream().filter(v -> v.millis() > 100).forEach(v -> System.err.println("  slow " + v.name() + " " + v.millis()));
      }
    }
  }
}
