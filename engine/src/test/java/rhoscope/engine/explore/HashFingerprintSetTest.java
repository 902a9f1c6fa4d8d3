package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashFingerprintSetTest extends FingerprintSetContractTest {
  @Override
  FingerprintSet create(int expected) {
    return new HashFingerprintSet();
  }

  @Test
  void theOracleRemembersTheFirstParentOfEachFingerprint() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    HashFingerprintSet set = new HashFingerprintSet();
    Map<Long, Long> model = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long fp = random.nextInt(5) == 0 ? random.nextInt(3) - 1 : random.nextInt(12_000) * 7919L;
      long parent = random.nextLong();
      boolean fresh = model.putIfAbsent(fp, parent) == null;
      assertThat(set.put(fp, parent)).as("seed %d, fp %d", seed, fp).isEqualTo(fresh);
    }
    model.forEach((fp, parent) ->
        assertThat(set.parent(fp)).as("seed %d", seed).isEqualTo(parent));
    assertThatThrownBy(() -> set.parent(123_456_789_123L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
