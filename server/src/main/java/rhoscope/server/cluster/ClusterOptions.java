package rhoscope.server.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a member joins its cluster: the cluster's name, the address it listens on for the other
 * members ({@code host:memberPort}), the members to join by TCP/IP ({@code host:port} each; no
 * multicast), the number of Hazelcast partitions (every member of a cluster must agree), and
 * Hazelcast properties to set on top (tests shorten heartbeats and merges with them).
 */
public record ClusterOptions(
    String name,
    String host,
    int memberPort,
    List<String> members,
    int partitions,
    Map<String, String> properties) {
  /** Hazelcast's own default partition count. */
  public static final int DEFAULT_PARTITIONS = 271;

  /**
   * Hazelcast properties for members that all run on one machine (benchmarks, tests): join without
   * waiting for more members, notice a lost member within seconds, merge split clusters soon.
   */
  public static final Map<String, String> ONE_MACHINE =
      Map.of(
          "hazelcast.wait.seconds.before.join", "0",
          "hazelcast.heartbeat.interval.seconds", "1",
          "hazelcast.max.no.heartbeat.seconds", "10",
          "hazelcast.merge.first.run.delay.seconds", "2",
          "hazelcast.merge.next.run.delay.seconds", "2",
          "hazelcast.graceful.shutdown.max.wait", "30");

  public ClusterOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the cluster needs a name (--cluster NAME)");
    }
    if (memberPort < 1 || memberPort > 65_535) {
      throw new IllegalArgumentException(
          "--member-port must be a port between 1 and 65535, not " + memberPort);
    }
    members = List.copyOf(members);
    for (String m : members) {
      int colon = m.lastIndexOf(':');
      if (colon <= 0 || !m.substring(colon + 1).matches("[0-9]{1,5}")) {
        throw new IllegalArgumentException(
            "--members takes HOST:PORT,HOST:PORT,...; '" + m + "' has no port");
      }
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
    }
    properties = Map.copyOf(properties);
  }

  /** A member with Hazelcast's defaults. */
  public static ClusterOptions of(String name, String host, int memberPort, List<String> members) {
    return new ClusterOptions(name, host, memberPort, members, DEFAULT_PARTITIONS, Map.of());
  }

  /** This member's address as the others name it. */
  public String address() {
    return host + ":" + memberPort;
  }
}
