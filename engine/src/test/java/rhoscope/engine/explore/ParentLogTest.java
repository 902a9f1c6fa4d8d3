package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParentLogTest {
  /**
   * Three writers log levels of a tree as the explorer does (flushing at each level's end),
   * many blocks of unrelated records among them: the path walks back from any state to the
   * initial one, through one state of each level.
   */
  @Test
  void thePathFromTheInitialStateFollowsTheLoggedParentsLevelByLevel() {
    try (ParentLog log = new ParentLog()) {
      List<ParentLog.Writer> writers = List.of(log.writer(), log.writer(), log.writer());
      long initial = 7;
      List<Long> previous = List.of(initial);
      long nextFp = 100;
      Map<Long, Long> parentOf = new HashMap<>();
      List<Long> chain = new ArrayList<>();
      for (int depth = 1; depth <= 6; depth++) {
        List<Long> level = new ArrayList<>();
        // wider than a block, so the backward read crosses block boundaries
        for (int i = 0; i < 3 * ParentLog.BLOCK; i++) {
          long parent = previous.get(i % previous.size());
          long fp = nextFp++;
          writers.get(i % writers.size()).add(fp, parent);
          parentOf.put(fp, parent);
          level.add(fp);
        }
        writers.forEach(ParentLog.Writer::flush);
        chain.add(level.get(level.size() - 1));
        previous = level;
      }
      long target = chain.get(chain.size() - 1);
      List<Long> path = log.path(initial, target);
      assertThat(path).hasSize(6).endsWith(target);
      // each element was logged with the one before it as parent, starting from the initial
      long parent = initial;
      for (long fp : path) {
        assertThat(parentOf.get(fp)).as("parent of %d", fp).isEqualTo(parent);
        parent = fp;
      }
      assertThat(log.path(initial, initial)).isEmpty();
      assertThatThrownBy(() -> log.path(initial, 5))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("no parent");
    }
  }
}
