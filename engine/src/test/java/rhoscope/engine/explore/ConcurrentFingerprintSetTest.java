package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ConcurrentFingerprintSetTest extends FingerprintSetContractTest {
  @Override
  FingerprintSet create(int expected) {
    // start small and grow, as the explorer does between levels
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    set.grow(expected);
    return set;
  }

  @Test
  void growingKeepsEveryFingerprint() {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    for (long i = 0; i < 10; i++) {
      set.put(i);
    }
    set.grow(10_000);
    assertThat(set.capacity()).isGreaterThanOrEqualTo(10_000);
    for (long i = 0; i < 10; i++) {
      assertThat(set.contains(i)).isTrue();
      assertThat(set.put(i)).isFalse();
    }
    assertThat(set.size()).isEqualTo(10);
  }

  @Test
  void growingOnAPoolKeepsEveryFingerprintOnce() {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    set.grow(20_000);
    for (long i = 1; i <= 20_000; i++) {
      set.put(i * 1_000_003L);
    }
    ForkJoinPool pool = new ForkJoinPool(3);
    try {
      set.grow(200_000, pool, 3);
    } finally {
      pool.shutdown();
    }
    assertThat(set.softLimit()).isGreaterThanOrEqualTo(200_000);
    for (long i = 1; i <= 20_000; i++) {
      assertThat(set.put(i * 1_000_003L)).isFalse();
    }
    assertThat(set.put(0)).isTrue();
    assertThat(set.size()).isEqualTo(20_001);
  }

  @Test
  void aSlotIsEightBytesAndTheSoftLimitKeepsTheTableThreeQuartersFull() {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(3_000_000);
    // 3 M fingerprints at most 3/4 full: 4 M slots, 8 bytes each
    assertThat(set.bytes()).isEqualTo(8L * (1 << 22));
    assertThat(set.softLimit()).isEqualTo(3L << 20).isGreaterThanOrEqualTo(3_000_000);
    assertThat(ConcurrentFingerprintSet.bytesFor(3_000_000)).isEqualTo(set.bytes());
  }

  @Test
  void aFullTableRefusesAndSaysSoInsteadOfFailing() {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    long accepted = 0;
    for (long i = 1; i <= 1000; i++) {
      accepted += set.put(i * 31) ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(set.size()).isLessThanOrEqualTo(set.capacity() + 1);
    assertThat(set.overflowed()).isTrue();
  }
}
