package rhoscope.server.cluster;

import com.hazelcast.cluster.Member;

/** How rhoscope names a member: {@code host:port} of its member address, stable across restarts. */
final class Members {
  private Members() {}

  static String address(Member m) {
    return m.getAddress().getHost() + ":" + m.getAddress().getPort();
  }
}
