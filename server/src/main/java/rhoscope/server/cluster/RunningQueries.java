package rhoscope.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The cluster's queries in flight, by query id: a query is entered before its caller reads the
 * shard directory and leaves when its answer is merged. A member handing a shard over waits, after
 * the directory names the new holder, for the queries entered before that to end, and only then
 * deletes its copy: a query that read the old holder from the directory finds the processes
 * there. An entry lives at most its query's time and a minute, so a caller that died stops no move
 * for longer.
 */
final class RunningQueries {
  static final String MAP = "rhoscope.queries";
  private static final long GRACE_MILLIS = 60_000;

  private final IMap<String, String> running;

  RunningQueries(HazelcastInstance hz) {
    this.running = hz.getMap(MAP);
  }

  void begin(String queryId, String caller, long timeoutMillis) {
    running.set(queryId, caller, timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
  }

  void end(String queryId) {
    running.delete(queryId);
  }

  /**
   * Waits until every query in flight now has ended (or its entry expired).
   *
   * @return false when {@code stop} said to give up first
   */
  boolean awaitThoseRunning(BooleanSupplier stop) throws InterruptedException {
    Set<String> before = new HashSet<>(running.keySet());
    while (!before.isEmpty()) {
      if (stop.getAsBoolean()) {
        return false;
      }
      before.retainAll(running.keySet());
      if (!before.isEmpty()) {
        Thread.sleep(20);
      }
    }
    return true;
  }
}
