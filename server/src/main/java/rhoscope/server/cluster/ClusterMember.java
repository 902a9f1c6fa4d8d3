package rhoscope.server.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.ProcessService;

/**
 * One member of a rhoscope cluster: a Hazelcast member embedded beside this machine's database,
 * which holds the shards Hazelcast's partitioning assigns it. {@link #service()} is the API over
 * the whole cluster; closing it (or this) leaves the cluster and closes the database, whose
 * processes are served again when a member with the same database joins.
 */
public final class ClusterMember implements AutoCloseable {
  private final HazelcastInstance hz;
  private final LocalNode node;
  private final Rebalancer rebalancer;
  private final ClusterService service;

  private ClusterMember(String name, HazelcastInstance hz, DatabaseService database) {
    this.hz = hz;
    this.node = new LocalNode(database, hz, Members.address(hz.getCluster().getLocalMember()));
    hz.getUserContext().put(LocalNode.KEY, node);
    this.rebalancer = new Rebalancer(hz, node);
    hz.getPartitionService().addMigrationListener(rebalancer);
    hz.getCluster().addMembershipListener(rebalancer);
    this.service = new ClusterService(name, hz, node, this::close);
    rebalancer.request();
  }

  /**
   * Joins (or founds) the cluster the options name, over {@code database}.
   *
   * @throws IllegalStateException when the member cannot start (its member port taken, say)
   */
  public static ClusterMember start(ClusterOptions options, DatabaseService database) {
    HazelcastInstance hz;
    try {
      hz = Hazelcast.newHazelcastInstance(MemberConfig.of(options));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot start cluster member " + options.address() + " of '" + options.name() + "': "
              + e.getMessage() + " (is --member-port " + options.memberPort() + " free?)",
          e);
    }
    return new ClusterMember(options.name(), hz, database);
  }

  public ProcessService service() {
    return service;
  }

  /** This member's address ({@code host:port}), as health names it. */
  public String address() {
    return node.address();
  }

  /** Lets a test stop this member's shard moves between their steps. */
  void onMove(MoveHook hook) {
    rebalancer.onMove(hook);
  }

  /** How many uploads this member parsed and analysed (a shard it took in adds none). */
  long derived() {
    return node.derived();
  }

  /** Asks for a pass that moves the shards held here to their owners (after a bulk index). */
  void rebalance() {
    rebalancer.request();
  }

  /** How many queries' parts run on this member now: 0 once each has freed its workers. */
  int runningQueries() {
    return node.cancels().running();
  }

  /** How many members the cluster has now. */
  public int size() {
    return hz.getCluster().getMembers().size();
  }

  /**
   * Whether the cluster is at rest for this member: it owns partitions (a member that just joined
   * owns none until the migrations begin), no partition is migrating or lacks its backup, no move
   * of stored processes is pending, and every shard held here is owned here.
   */
  public boolean settled() {
    PartitionService partitions = hz.getPartitionService();
    boolean owning =
        partitions.getPartitions().stream()
            .anyMatch(p -> p.getOwner() != null && p.getOwner().localMember());
    return owning && partitions.isClusterSafe() && !rebalancer.busy() && rebalancer.inPlace();
  }

  /** Leaves the cluster, keeping what this member holds on its disk, and closes the database. */
  @Override
  public synchronized void close() {
    if (!hz.getLifecycleService().isRunning()) {
      return;
    }
    rebalancer.stop();
    try {
      hz.shutdown();
    } finally {
      try {
        node.close();
      } finally {
        node.database().close();
      }
    }
  }
}
