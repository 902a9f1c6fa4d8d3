package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.check.Verdict;

/** An unknown says which bound stopped it, and is kept for the same bounds only. */
class UnknownVerdictsTest {
  /** Counts for ever: no state bound is ever enough. */
  private static final String COUNTER = "new inc in { contract inc(@n) = { inc!(n + 1) } | inc!(0) }";

  @TempDir Path dir;

  private ProcessDatabase open() throws IOException {
    Path src = dir.resolve("src").resolve("counter.rho");
    Files.createDirectories(src.getParent());
    Files.writeString(src, COUNTER, StandardCharsets.UTF_8);
    ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"), 1);
    db.index(List.of(src), IndexOptions.defaults(), IndexProgress.NONE);
    return db;
  }

  private static QueryRequest underStates(long states) {
    return QueryRequest.of("deadlock_free")
        .withPlanner(false)
        .withBudget(new QueryRequest.Budget(states, Duration.ofMinutes(5)));
  }

  @Test
  void anUnknownNamesTheBoundAndTheStatesExplored() throws IOException {
    try (ProcessDatabase db = open()) {
      ProcessVerdict v = db.query(underStates(50)).results().getFirst();
      assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(v.reason())
          .startsWith("the state bound of 50 states was reached (")
          .contains(" states explored)")
          .endsWith("before the answer was known");
    }
  }

  @Test
  void anUnknownIsReusedUnderTheSameBoundsAndRecomputedUnderALargerOne() throws IOException {
    try (ProcessDatabase db = open()) {
      ProcessVerdict first = db.query(underStates(50)).results().getFirst();
      assertThat(first.cached()).isFalse();

      QueryResult again = db.query(underStates(50));
      assertThat(again.results().getFirst().cached()).isTrue();
      assertThat(again.results().getFirst().reason()).isEqualTo(first.reason());
      assertThat(again.stats().checked()).isZero();

      ProcessVerdict larger = db.query(underStates(80)).results().getFirst();
      assertThat(larger.cached()).isFalse();
      assertThat(larger.reason()).startsWith("the state bound of 80 states");
    }
  }
}
