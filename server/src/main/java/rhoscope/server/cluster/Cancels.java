package rhoscope.server.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import rhoscope.engine.Cancellation;

/**
 * Cancellation of cluster queries, keyed by query id: the caller of a query that gave up on it
 * (its client went away, its budget ran out, the caller's runner stopped it) marks the id in a
 * cluster-wide map, and every member cancels the {@link Cancellation} token its part of that query
 * polls, so the member's checks end at their next state and its workers come free, as one machine
 * stops the work on its query pool. A mark outlives the query by its time to live, so that a
 * member whose task starts after the mark still sees it: a task registers its token first and then
 * looks for the mark, and a mark set after that look reaches the token through the map's listener.
 */
final class Cancels implements EntryAddedListener<String, String> {
  static final String MAP = "rhoscope.cancelled";

  private final IMap<String, String> marks;
  private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

  Cancels(IMap<String, String> marks) {
    this.marks = marks;
    marks.addEntryListener(this, false);
  }

  /** The token this member's part of the query polls; cancelled already if the query was. */
  Cancellation open(String queryId) {
    Cancellation token = Cancellation.create();
    if (running.putIfAbsent(queryId, token) != null) {
      throw new IllegalStateException("query " + queryId + " already runs on this member");
    }
    if (marks.containsKey(queryId)) {
      token.cancel();
    }
    return token;
  }

  /** The member's part of the query ended: its token is no longer polled. */
  void done(String queryId) {
    running.remove(queryId);
  }

  /**
   * Cancels the query on every member; {@code ttl} should exceed the time a member could still
   * take to start its part, so that none starts it unaware.
   */
  void cancel(String queryId, String by, Duration ttl) {
    marks.set(queryId, by, Math.max(1, ttl.toSeconds()), TimeUnit.SECONDS);
  }

  /** How many queries run on this member now: 0 once each of them has freed its workers. */
  int running() {
    return running.size();
  }

  @Override
  public void entryAdded(EntryEvent<String, String> event) {
    Cancellation token = running.get(event.getKey());
    if (token != null) {
      token.cancel();
    }
  }
}
