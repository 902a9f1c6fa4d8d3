package rhoscope.engine.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free fingerprint set: open addressing with linear probing on a {@code long[]},
 * slots claimed by CAS (the layout of TLC's off-heap FPSet). Zero marks an empty slot, so
 * the fingerprint 0 is stored as a fixed stand-in. Parents sit in a parallel array, written
 * after the key is claimed and read only once exploration has stopped.
 *
 * <p>Capacity grows only through {@link #grow}, which the explorer calls between BFS levels
 * when no put can run; a put into a table past 15/16 full is refused and flags
 * {@link #overflowed()}.
 */
public final class ConcurrentFingerprintSet implements FingerprintSet {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;

  private long[] keys;
  private long[] parents;
  private int mask;
  private final LongAdder size = new LongAdder();
  private volatile boolean overflowed;

  public ConcurrentFingerprintSet(int expected) {
    allocate(tableSize(expected));
  }

  private static int tableSize(long expected) {
    // at most 3/4 full when `expected` fingerprints are in
    long want = Math.max(16, expected + expected / 3 + 1);
    if (want > (1 << 30)) {
      return 1 << 30;
    }
    return Integer.highestOneBit((int) want - 1) << 1;
  }

  private void allocate(int n) {
    keys = new long[n];
    parents = new long[n];
    mask = n - 1;
  }

  @Override
  public boolean put(long fp, long parent) {
    long key = fp == 0 ? ZERO_STAND_IN : fp;
    long[] ks = keys;
    int m = mask;
    int i = (int) mix(key) & m;
    for (int probes = 0; probes <= m; probes++) {
      long k = (long) SLOT.getVolatile(ks, i);
      if (k == key) {
        return false;
      }
      if (k == 0) {
        if (size.sum() > (m - (m >>> 4))) {
          overflowed = true;
          return false;
        }
        if (SLOT.compareAndSet(ks, i, 0L, key)) {
          parents[i] = parent;
          size.increment();
          return true;
        }
        if ((long) SLOT.getVolatile(ks, i) == key) {
          return false;
        }
      }
      i = (i + 1) & m;
    }
    overflowed = true;
    return false;
  }

  /**
   * Reads the home slots of {@code fps[0..n)} in one go, so that their cache misses overlap
   * before the puts that follow; returns a value only to keep the reads alive.
   */
  public long touch(long[] fps, int n) {
    long[] ks = keys;
    int m = mask;
    long acc = 0;
    for (int i = 0; i < n; i++) {
      long key = fps[i] == 0 ? ZERO_STAND_IN : fps[i];
      acc += ks[(int) mix(key) & m];
    }
    return acc;
  }

  @Override
  public boolean contains(long fp) {
    return slot(fp) >= 0;
  }

  @Override
  public long parent(long fp) {
    int i = slot(fp);
    if (i < 0) {
      throw new IllegalArgumentException("unknown fingerprint " + Long.toHexString(fp));
    }
    return parents[i];
  }

  @Override
  public long size() {
    return size.sum();
  }

  @Override
  public boolean overflowed() {
    return overflowed;
  }

  /**
   * Makes room for {@code expected} fingerprints in all. Not thread-safe: call only while
   * no other thread uses the set.
   */
  public void grow(long expected) {
    int n = tableSize(expected);
    if (n <= keys.length) {
      return;
    }
    long[] oldKeys = keys;
    long[] oldParents = parents;
    allocate(n);
    for (int j = 0; j < oldKeys.length; j++) {
      long k = oldKeys[j];
      if (k != 0) {
        int i = (int) mix(k) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        parents[i] = oldParents[j];
      }
    }
  }

  /** Whether {@code expected} fingerprints fit while keeping the table at most 3/4 full. */
  public boolean roomFor(long expected) {
    return expected <= (mask + 1L) / 4 * 3;
  }

  /** Capacity in fingerprints before puts are refused. */
  public long capacity() {
    return mask - (mask >>> 4);
  }

  private int slot(long fp) {
    long key = fp == 0 ? ZERO_STAND_IN : fp;
    int i = (int) mix(key) & mask;
    for (int probes = 0; probes <= mask; probes++) {
      long k = (long) SLOT.getVolatile(keys, i);
      if (k == key) {
        return i;
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private static long mix(long z) {
    // fingerprints are already well mixed; one multiply spreads the low bits we index by
    return (z * 0x9E3779B97F4A7C15L) >>> 17;
  }
}
