package rhoscope.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.IAtomicLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers the cluster's writes: one counter for the whole cluster (a Hazelcast atomic long, with
 * a backup), so that a later write to a process always gets a higher number than an earlier one
 * on any member. A member raises the counter to the highest number on its disk when it joins and
 * never hands out a number at or below one it has seen, so numbering survives the counter's loss
 * with every member that held it.
 */
final class WriteClock {
  private final IAtomicLong counter;
  private final AtomicLong seen;

  WriteClock(HazelcastInstance hz, long highestStored) {
    this.counter = hz.getCPSubsystem().getAtomicLong("rhoscope.writes");
    this.seen = new AtomicLong(highestStored);
    raise(highestStored);
  }

  long next() {
    long n = counter.incrementAndGet();
    long floor = seen.get();
    if (n <= floor) {
      raise(floor + 1);
      n = counter.incrementAndGet();
    }
    seen(n);
    return n;
  }

  /** Tells the clock of a number another member gave. */
  void seen(long version) {
    seen.accumulateAndGet(version, Math::max);
  }

  private void raise(long to) {
    long current = counter.get();
    while (current < to && !counter.compareAndSet(current, to)) {
      current = counter.get();
    }
  }
}
