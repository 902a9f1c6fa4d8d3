package rhoscope.engine.explore;

/**
 * The set of visited state fingerprints (TLC's FPSet): fingerprints only, no parents (those
 * live where witnesses are rebuilt from: {@link ParentLog} on disk for the parallel explorer,
 * the oracle's map for the sequential one). Thread-safe.
 */
public interface FingerprintSet {
  /** Adds {@code fp}; true if it was new. */
  boolean put(long fp);

  boolean contains(long fp);

  long size();

  /** True once a put had to be refused for lack of room; the exploration is then partial. */
  boolean overflowed();
}
