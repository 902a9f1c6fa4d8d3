package rhoscope.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers the cluster's writes: one counter for the whole cluster (an entry of a Hazelcast map,
 * changed only by entry processors on its partition's owner, with a backup; Hazelcast's atomic
 * long is a licensed feature), so that a later write to a process always gets a higher number
 * than an earlier one on any member. A member raises the counter to the highest number on its
 * disk when it joins and never hands out a number at or below one it has seen, so numbering
 * survives the counter's loss with every member that held it.
 */
final class WriteClock {
  static final String MAP = "rhoscope.clock";
  private static final String KEY = "writes";

  private final IMap<String, Long> counter;
  private final AtomicLong seen;

  WriteClock(HazelcastInstance hz, long highestStored) {
    this.counter = hz.getMap(MAP);
    this.seen = new AtomicLong(highestStored);
  }

  /** A number higher than any the cluster gave before and any this member has seen. */
  long next() {
    long n = counter.executeOnKey(KEY, new Next(seen.get()));
    seen(n);
    return n;
  }

  /** Tells the clock of a number another member gave. */
  void seen(long version) {
    seen.accumulateAndGet(version, Math::max);
  }

  /** Sets the counter to one past the higher of itself and the floor, and answers that. */
  private record Next(long floor) implements EntryProcessor<String, Long, Long> {
    @Override
    public Long process(Map.Entry<String, Long> entry) {
      long n = Math.max(entry.getValue() == null ? 0 : entry.getValue(), floor) + 1;
      entry.setValue(n);
      return n;
    }
  }
}
