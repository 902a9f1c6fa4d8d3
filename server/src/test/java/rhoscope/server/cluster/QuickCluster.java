package rhoscope.server.cluster;

import java.util.Map;

/** Hazelcast settings for members in tests: join without waiting, notice a lost member soon. */
final class QuickCluster {
  static final Map<String, String> PROPERTIES =
      Map.of(
          "hazelcast.wait.seconds.before.join", "0",
          "hazelcast.heartbeat.interval.seconds", "1",
          "hazelcast.max.no.heartbeat.seconds", "10",
          "hazelcast.merge.first.run.delay.seconds", "2",
          "hazelcast.merge.next.run.delay.seconds", "2",
          "hazelcast.graceful.shutdown.max.wait", "30");

  private QuickCluster() {}
}
