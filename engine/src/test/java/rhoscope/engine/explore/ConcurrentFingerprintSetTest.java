package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

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
  void growingKeepsEveryFingerprintAndParent() {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    for (long i = 0; i < 10; i++) {
      set.put(i, i + 100);
    }
    set.grow(10_000);
    assertThat(set.capacity()).isGreaterThanOrEqualTo(10_000);
    for (long i = 0; i < 10; i++) {
      assertThat(set.put(i, 0)).isFalse();
      assertThat(set.parent(i)).isEqualTo(i + 100);
    }
  }

  @Test
  void aFullTableRefusesAndSaysSoInsteadOfFailing() {
    ConcurrentFingerprintSet set = new ConcurrentFingerprintSet(16);
    long accepted = 0;
    for (long i = 1; i <= 1000; i++) {
      accepted += set.put(i * 31, 0) ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(set.size()).isLessThanOrEqualTo(set.capacity() + 1);
    assertThat(set.overflowed()).isTrue();
  }
}
