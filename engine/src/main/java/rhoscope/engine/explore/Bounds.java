package rhoscope.engine.explore;

/** Time and memory checks shared by the explorers. */
final class Bounds {
  private final long start = System.nanoTime();
  private final long deadline;
  private final long maxMemory;

  Bounds(ExploreOptions o) {
    long nanos = o.timeout().toNanos();
    this.deadline = start + Math.max(0, nanos);
    this.maxMemory = o.maxMemoryBytes();
  }

  /** The bound that is hit now, or null; {@code tick} counts calls (memory is polled). */
  StopReason check(long tick) {
    if (System.nanoTime() - deadline > 0) {
      return StopReason.TIMEOUT;
    }
    if ((tick & 1023) == 0 && usedMemory() > maxMemory) {
      return StopReason.MEMORY;
    }
    return null;
  }

  long millis() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long usedMemory() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
