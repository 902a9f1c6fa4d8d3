package rhoscope.engine.explore;

import java.util.function.LongSupplier;
import rhoscope.engine.Cancellation;

/**
 * Cancellation, time and memory checks shared by the explorers. Time is read from a clock
 * in nanoseconds ({@code System::nanoTime} but in tests), and the run's time is measured on
 * the same clock, so the time reported is the time that elapsed.
 */
final class Bounds {
  private final LongSupplier clock;
  private final long start;
  private final long deadline;
  private final long maxMemory;
  /**
   * The heap in use above which the run stops: the bound on top of what was in use when the
   * run began (the program, other work in the JVM), which the run does not own.
   */
  private final long heapLimit;
  private final Cancellation cancellation;

  Bounds(ExploreOptions o) {
    this(o, System::nanoTime);
  }

  Bounds(ExploreOptions o, LongSupplier clock) {
    this.clock = clock;
    this.start = clock.getAsLong();
    this.cancellation = o.cancellation();
    long nanos = o.timeout().toNanos();
    this.deadline = start + Math.max(0, nanos);
    this.maxMemory = o.maxMemoryBytes();
    long before = usedMemory();
    this.heapLimit = maxMemory > Long.MAX_VALUE - before ? Long.MAX_VALUE : maxMemory + before;
  }

  /** The bound the parallel explorer counts its visited set and frontier against. */
  long maxMemory() {
    return maxMemory;
  }

  /** Cancellation and time only: cheap enough to call every few states. */
  StopReason checkTime() {
    if (cancellation.isCancelled()) {
      return StopReason.CANCELLED;
    }
    if (clock.getAsLong() - deadline > 0) {
      return StopReason.TIMEOUT;
    }
    return null;
  }

  /** The bound that is hit now, or null; {@code tick} counts calls (memory is polled). */
  StopReason check(long tick) {
    StopReason time = checkTime();
    if (time != null) {
      return time;
    }
    if ((tick & 1023) == 0 && overMemory()) {
      return StopReason.MEMORY;
    }
    return null;
  }

  private long lastGc;

  /**
   * Whether {@code bytes} more fit under the memory bound, counting only live data: when
   * they do not fit in the used heap as it is, collect (at most once a second) and look again.
   */
  boolean hasRoom(long bytes) {
    if (usedMemory() + bytes <= heapLimit) {
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
    return usedMemory() + bytes <= heapLimit;
  }

  /**
   * Used heap counts uncollected garbage, which a fast run makes plenty of: before calling
   * the bound hit, collect and look again. At most one collection a second; in between,
   * only a heap past halfway from the bound to the real maximum counts.
   */
  private boolean overMemory() {
    return usedMemory() > heapLimit && overMemoryAfterGc();
  }

  private synchronized boolean overMemoryAfterGc() {
    long used = usedMemory();
    long now = System.nanoTime();
    if (lastGc != 0 && now - lastGc < 1_000_000_000L) {
      long heap = Runtime.getRuntime().maxMemory();
      return used > heapLimit + Math.max(0, heap - heapLimit) / 2;
    }
    lastGc = now;
    System.gc();
    return usedMemory() > heapLimit;
  }

  long millis() {
    return (clock.getAsLong() - start) / 1_000_000;
  }

  private static long usedMemory() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
