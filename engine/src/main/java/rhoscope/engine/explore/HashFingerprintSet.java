package rhoscope.engine.explore;

import java.util.HashMap;
import java.util.Map;

/**
 * The obviously-correct fingerprint set: a synchronized {@code HashMap} from fingerprint to
 * parent. The oracle's, which keeps parents beside the fingerprints to rebuild witnesses.
 */
public final class HashFingerprintSet implements FingerprintSet {
  private final Map<Long, Long> parents = new HashMap<>();

  @Override
  public boolean put(long fp) {
    return put(fp, fp);
  }

  /** Adds {@code fp}, remembering {@code parent} when new; true if it was new. */
  public synchronized boolean put(long fp, long parent) {
    return parents.putIfAbsent(fp, parent) == null;
  }

  @Override
  public synchronized boolean contains(long fp) {
    return parents.containsKey(fp);
  }

  /** The parent recorded with {@code fp}; IllegalArgumentException if absent. */
  public synchronized long parent(long fp) {
    Long p = parents.get(fp);
    if (p == null) {
      throw new IllegalArgumentException("unknown fingerprint " + Long.toHexString(fp));
    }
    return p;
  }

  @Override
  public synchronized long size() {
    return parents.size();
  }

  @Override
  public boolean overflowed() {
    return false;
  }
}
