package rhoscope.server.cluster;

import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import rhoscope.server.http.QueryListener;

/**
 * Hears the members' progress of one query on the progress topic and tells the caller's listener
 * the cluster's sums: checked of candidates over every member that has reported, and each match
 * until the limit. Each member's counts only grow, so the sums never run backwards.
 */
final class ProgressRelay implements MessageListener<String>, AutoCloseable {
  private final String queryId = UUID.randomUUID().toString();
  private final QueryListener listener;
  private final int limit;
  private final ITopic<String> topic;
  private final UUID registration;
  private final AtomicInteger sent = new AtomicInteger();
  private final Map<String, long[]> counts = new HashMap<>();

  ProgressRelay(ITopic<String> topic, QueryListener listener, int limit) {
    this.topic = topic;
    this.listener = listener;
    this.limit = limit;
    this.registration = topic.addMessageListener(this);
  }

  String queryId() {
    return queryId;
  }

  @Override
  public void onMessage(Message<String> message) {
    ProgressNote note = ClusterJson.read(message.getMessageObject(), ProgressNote.class);
    if (!note.query().equals(queryId)) {
      return;
    }
    if (note.match() != null) {
      if (sent.getAndIncrement() < limit) {
        listener.matched(note.match());
      }
      return;
    }
    synchronized (counts) {
      long[] c = counts.computeIfAbsent(note.member(), m -> new long[2]);
      c[0] = Math.max(c[0], note.checked());
      c[1] = Math.max(c[1], note.candidates());
      long checked = 0;
      long candidates = 0;
      for (long[] v : counts.values()) {
        checked += v[0];
        candidates += v[1];
      }
      listener.progress(checked, candidates);
    }
  }

  @Override
  public void close() {
    topic.removeMessageListener(registration);
  }
}
