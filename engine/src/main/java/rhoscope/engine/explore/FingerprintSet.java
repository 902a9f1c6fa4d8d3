package rhoscope.engine.explore;

/**
 * The set of visited state fingerprints (TLC's FPSet). Thread-safe. Implementations also
 * remember each state's parent fingerprint so witnesses can be rebuilt when asked for.
 */
public interface FingerprintSet {
  /** Adds {@code fp}; true if it was new. */
  default boolean put(long fp) {
    return put(fp, fp);
  }

  /** Adds {@code fp}, remembering {@code parent} when new; true if it was new. */
  boolean put(long fp, long parent);

  boolean contains(long fp);

  /** The parent recorded with {@code fp}; IllegalArgumentException if absent. */
  long parent(long fp);

  long size();

  /** True once a put had to be refused for lack of room; the exploration is then partial. */
  boolean overflowed();
}
