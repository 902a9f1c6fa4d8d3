package rhoscope.engine.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free fingerprint set, 8 bytes a slot: open addressing with linear probing on one
 * {@code long[]}, slots claimed by CAS (the layout of TLC's off-heap FPSet). Zero marks an
 * empty slot, so the fingerprint 0 is stored as a fixed stand-in. No parents: a witness is
 * rebuilt from the explorer's {@link ParentLog}.
 *
 * <p>Capacity grows only through {@link #grow}, which the explorer calls at a barrier, when
 * no put can run, once its own count of new states passes {@link #softLimit()} (3/4 full).
 * A put into a table past 15/16 full is refused and flags {@link #overflowed()}: the explorer
 * pauses its workers long before that, so this is only the safety net.
 */
public final class ConcurrentFingerprintSet implements FingerprintSet {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;
  /** Tables below this many slots check their fill on every put. */
  private static final int SMALL = 1 << 12;

  private long[] keys;
  private int mask;
  private final LongAdder size = new LongAdder();
  private volatile boolean overflowed;

  public ConcurrentFingerprintSet(long expected) {
    allocate(tableSize(expected));
  }

  /** Slots for {@code expected} fingerprints at most 3/4 full; a power of two. */
  static int tableSize(long expected) {
    long want = Math.max(16, expected + expected / 3 + 1);
    if (want > (1 << 30)) {
      return 1 << 30;
    }
    return Integer.highestOneBit((int) want - 1) << 1;
  }

  private void allocate(int n) {
    keys = new long[n];
    mask = n - 1;
  }

  @Override
  public boolean put(long fp) {
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
        // summing the counter on every put of a big table would cost more than the put: one
        // in sixteen (by slot) keeps its fill within a few dozen slots of the limit, and the
        // probe bound above ends a put into a table that is full regardless
        if ((m < SMALL || (i & 15) == 0) && size.sum() >= hardLimit()) {
          overflowed = true;
          return false;
        }
        if (SLOT.compareAndSet(ks, i, 0L, key)) {
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
    long key = fp == 0 ? ZERO_STAND_IN : fp;
    int i = (int) mix(key) & mask;
    for (int probes = 0; probes <= mask; probes++) {
      long k = (long) SLOT.getVolatile(keys, i);
      if (k == key) {
        return true;
      }
      if (k == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
    return false;
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
   * Makes room for {@code expected} fingerprints in all at most 3/4 full. Not thread-safe:
   * call only while no other thread uses the set.
   */
  public void grow(long expected) {
    int n = tableSize(expected);
    if (n <= keys.length) {
      return;
    }
    long[] old = keys;
    allocate(n);
    reinsert(old, 0, old.length, keys);
  }

  /**
   * {@link #grow(long)} with the old fingerprints moved by {@code parts} tasks on
   * {@code pool}: a grow happens while every worker waits at a barrier, and moving millions
   * of fingerprints (a cache miss each) on one thread would leave the other cores idle.
   */
  public void grow(long expected, ForkJoinPool pool, int parts) {
    int n = tableSize(expected);
    if (n <= keys.length) {
      return;
    }
    long[] old = keys;
    long[] fresh = new long[n];
    int chunk = (old.length + parts - 1) / parts;
    List<ForkJoinTask<?>> moves = new ArrayList<>(parts);
    for (int from = 0; from < old.length; from += chunk) {
      int start = from;
      int end = Math.min(old.length, from + chunk);
      moves.add(ForkJoinTask.adapt(() -> reinsert(old, start, end, fresh)));
    }
    pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(moves)));
    keys = fresh;
    mask = n - 1;
  }

  /** Puts the fingerprints of {@code from[start..end)} into {@code to}, where none is yet. */
  private static void reinsert(long[] from, int start, int end, long[] to) {
    int m = to.length - 1;
    for (int j = start; j < end; j++) {
      long k = from[j];
      if (k != 0) {
        int i = (int) mix(k) & m;
        while (!SLOT.compareAndSet(to, i, 0L, k)) {
          i = (i + 1) & m;
        }
      }
    }
  }

  /** The bytes a table for {@code expected} fingerprints takes. */
  static long bytesFor(long expected) {
    return 8L * tableSize(expected);
  }

  /** The bytes the table takes now. */
  public long bytes() {
    return 8L * keys.length;
  }

  /** Fingerprints the table takes while staying at most 3/4 full. */
  public long softLimit() {
    return (mask + 1L) / 4 * 3;
  }

  /** Capacity in fingerprints before puts are refused (15/16 full). */
  public long capacity() {
    return hardLimit();
  }

  private long hardLimit() {
    return mask - (mask >>> 4);
  }

  private static long mix(long z) {
    // fingerprints are already well mixed; one multiply spreads the low bits we index by
    return (z * 0x9E3779B97F4A7C15L) >>> 17;
  }
}
