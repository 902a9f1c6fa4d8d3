package rhoscope.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * The Hazelcast configuration of a member: its cluster's name, TCP/IP join with the given members
 * (multicast and cloud discovery off), the member port fixed (no auto-increment: the member list
 * names it), logging through slf4j, no phoning home. The shard directory keeps one backup so that
 * it outlives one member.
 */
final class MemberConfig {
  private MemberConfig() {}

  static Config of(ClusterOptions options) {
    Config config = new Config();
    config.setClusterName(options.name());
    config.setInstanceName("rhoscope-" + options.address());
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.local.localAddress", options.host());
    config.setProperty("hazelcast.partition.count", Integer.toString(options.partitions()));
    options.properties().forEach(config::setProperty);
    NetworkConfig network = config.getNetworkConfig();
    // A member restarting on its port must not wait for the old connections to time out.
    network.setPort(options.memberPort()).setPortAutoIncrement(false).setReuseAddress(true);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(options.members());
    config.getMapConfig(LocalNode.DIRECTORY).setBackupCount(1);
    return config;
  }
}
