package rhoscope.engine.bench;

import java.util.concurrent.CountDownLatch;

/**
 * What the machine itself gives a second thread, measured beside the explorer's figures: the
 * same fixed work on one thread, then on two at once, as throughput of two over one. Two
 * kinds of work bound what any two workers can reach: independent arithmetic (a core's
 * execution units: a virtual CPU that is the hyper-thread of another one gives far below 2x
 * here) and independent reads of random lines of a 64 MB table (the memory system: the
 * visited set's probes are such reads).
 */
final class CoreScaling {
  /** Random reads per thread and run; about a tenth of a second on a free core. */
  private static final int READS = 10_000_000;
  private static final int SUMS = 100_000_000;
  private static final long[] TABLE = new long[1 << 23];
  /** Where the loops leave their results, so that the JIT keeps them. */
  private static volatile long sink;

  /** The throughput of two threads over one, both kinds of work. */
  record Ratios(double compute, double memory) {}

  private CoreScaling() {}

  static Ratios measure() {
    for (int i = 0; i < TABLE.length; i++) {
      TABLE[i] = i;
    }
    Runnable compute = CoreScaling::compute;
    Runnable memory = CoreScaling::memory;
    // the first round lets the JIT compile both loops
    ratio(compute);
    ratio(memory);
    return new Ratios(ratio(compute), ratio(memory));
  }

  /**
   * Two threads' work over one's in the same wall time (the slower thread's), best of three
   * each, so that another process taking a core for a moment weighs less.
   */
  private static double ratio(Runnable work) {
    long one = Long.MAX_VALUE;
    long two = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      one = Math.min(one, wall(work, 1));
      two = Math.min(two, wall(work, 2));
    }
    return 2.0 * one / two;
  }

  /** The most wall time one of {@code threads} threads took doing {@code work} at once. */
  private static long wall(Runnable work, int threads) {
    CountDownLatch start = new CountDownLatch(1);
    long[] nanos = new long[threads];
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int me = t;
      ts[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long s = System.nanoTime();
        work.run();
        nanos[me] = System.nanoTime() - s;
      });
      ts[t].start();
    }
    start.countDown();
    long most = 0;
    for (int t = 0; t < threads; t++) {
      try {
        ts[t].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      most = Math.max(most, nanos[t]);
    }
    return most;
  }

  private static void compute() {
    // four independent chains keep a core's integer units busy, as a second hyper-thread
    // would want them too
    long a = 1;
    long b = 2;
    long c = 3;
    long d = 4;
    for (int i = 0; i < SUMS; i++) {
      a = a * 0x9E3779B97F4A7C15L + i;
      b = b * 0xC2B2AE3D27D4EB4FL + i;
      c = c * 0x165667B19E3779F9L + i;
      d = d * 0x27D4EB2F165667C5L + i;
    }
    sink = a ^ b ^ c ^ d;
  }

  private static void memory() {
    long x = System.nanoTime();
    long acc = 0;
    int mask = TABLE.length - 1;
    for (int i = 0; i < READS; i++) {
      x = x * 0x9E3779B97F4A7C15L + 1;
      acc += TABLE[(int) (x >>> 40) & mask];
    }
    sink = acc;
  }
}
