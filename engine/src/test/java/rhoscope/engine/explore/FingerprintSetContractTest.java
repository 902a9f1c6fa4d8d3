package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every fingerprint set behaves like a {@code HashSet<Long>}. */
abstract class FingerprintSetContractTest {

  /** A set with room for at least {@code expected} fingerprints. */
  abstract FingerprintSet create(int expected);

  @Test
  void putReportsWhetherTheFingerprintWasNewLikeAHashSet() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    FingerprintSet set = create(20_000);
    Set<Long> model = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      // a small key range makes repeats frequent; 0 and -1 are legal fingerprints too
      long fp = random.nextInt(5) == 0 ? random.nextInt(3) - 1 : random.nextInt(12_000) * 7919L;
      boolean fresh = model.add(fp);
      assertThat(set.put(fp)).as("seed %d, fp %d", seed, fp).isEqualTo(fresh);
    }
    assertThat(set.size()).as("seed %d", seed).isEqualTo(model.size());
    model.forEach(fp -> assertThat(set.contains(fp)).as("seed %d", seed).isTrue());
    assertThat(set.contains(123_456_789_123L)).isFalse();
    assertThat(set.overflowed()).isFalse();
  }

  @Test
  void concurrentPutsAcceptEachFingerprintExactlyOnce() throws Exception {
    FingerprintSet set = create(200_000);
    AtomicLong accepted = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] fs = new Future<?>[4];
      for (int t = 0; t < 4; t++) {
        fs[t] = pool.submit(() -> {
          // every thread offers the same 100,000 fingerprints
          for (long i = 1; i <= 100_000; i++) {
            if (set.put(i * 0x9E3779B97F4A7C15L)) {
              accepted.incrementAndGet();
            }
          }
        });
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(accepted.get()).isEqualTo(100_000);
    assertThat(set.size()).isEqualTo(100_000);
  }
}
