package rhoscope.engine.explore;

import rhoscope.engine.Cancellation;

/** Cancellation, time and memory checks shared by the explorers. */
final class Bounds {
  private final long start = System.nanoTime();
  private final long deadline;
  private final long maxMemory;
  private final Cancellation cancellation;

  Bounds(ExploreOptions o) {
    this.cancellation = o.cancellation();
    long nanos = o.timeout().toNanos();
    this.deadline = start + Math.max(0, nanos);
    this.maxMemory = o.maxMemoryBytes();
  }

  /** The bound that is hit now, or null; {@code tick} counts calls (memory is polled). */
  StopReason check(long tick) {
    if (cancellation.isCancelled()) {
      return StopReason.CANCELLED;
    }
    if (System.nanoTime() - deadline > 0) {
      return StopReason.TIMEOUT;
    }
    if ((tick & 1023) == 0 && overMemory()) {
      return StopReason.MEMORY;
    }
    return null;
  }

  private long lastGc;

  /**
   * Used heap counts uncollected garbage, which a fast run makes plenty of: before calling
   * the bound hit, collect and look again. At most one collection a second; in between,
   * only a heap past halfway from the bound to the real maximum counts.
   */
  /**
   * Whether {@code bytes} more fit under the memory bound, counting only live data: when
   * they do not fit in the used heap as it is, collect (at most once a second) and look again.
   */
  boolean hasRoom(long bytes) {
    if (usedMemory() + bytes <= maxMemory) {
      return true;
    }
    synchronized (this) {
      long now = System.nanoTime();
      if (lastGc != 0 && now - lastGc < 1_000_000_000L) {
        return false;
      }
      lastGc = now;
      System.gc();
    }
    return usedMemory() + bytes <= maxMemory;
  }

  private boolean overMemory() {
    return usedMemory() > maxMemory && overMemoryAfterGc();
  }

  private synchronized boolean overMemoryAfterGc() {
    long used = usedMemory();
    long now = System.nanoTime();
    if (lastGc != 0 && now - lastGc < 1_000_000_000L) {
      long heap = Runtime.getRuntime().maxMemory();
      return used > maxMemory + Math.max(0, heap - maxMemory) / 2;
    }
    lastGc = now;
    System.gc();
    return usedMemory() > maxMemory;
  }

  long millis() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long usedMemory() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
