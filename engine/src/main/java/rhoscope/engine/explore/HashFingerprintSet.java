package rhoscope.engine.explore;

import java.util.HashMap;
import java.util.Map;

/** The obviously-correct fingerprint set: a synchronized {@code HashMap}. The oracle's. */
public final class HashFingerprintSet implements FingerprintSet {
  private final Map<Long, Long> parents = new HashMap<>();

  @Override
  public synchronized boolean put(long fp, long parent) {
    return parents.putIfAbsent(fp, parent) == null;
  }

  @Override
  public synchronized boolean contains(long fp) {
    return parents.containsKey(fp);
  }

  @Override
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
