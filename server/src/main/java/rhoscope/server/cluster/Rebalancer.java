package rhoscope.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.StoredProcess;

/**
 * Moves the shards this member holds to the members Hazelcast's partitioning now assigns them to,
 * after every migration and membership change. A process is stored on its new owner (committed
 * there) before it is removed here, so a member failing in between leaves a copy, never none.
 */
final class Rebalancer implements MigrationListener, MembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(Rebalancer.class);

  private final HazelcastInstance hz;
  private final LocalNode node;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rhoscope-rebalance");
        t.setDaemon(true);
        return t;
      });
  // Requested or running passes; a request during a pass queues one more, never more than one.
  private final AtomicInteger outstanding = new AtomicInteger();
  private volatile boolean stopped;

  Rebalancer(HazelcastInstance hz, LocalNode node) {
    this.hz = hz;
    this.node = node;
  }

  void request() {
    if (stopped) {
      return;
    }
    if (outstanding.getAndUpdate(n -> Math.min(n + 1, 2)) < 2) {
      worker.execute(this::pass);
    }
  }

  /** Whether a pass is queued or running. */
  boolean busy() {
    return outstanding.get() > 0;
  }

  /** Whether every shard held here belongs here now. */
  boolean inPlace() {
    for (String shard : heldShards().keySet()) {
      Member owner = hz.getPartitionService().getPartition(shard).getOwner();
      if (owner == null || !owner.localMember()) {
        return false;
      }
    }
    return true;
  }

  private Map<String, List<ProcessSummary>> heldShards() {
    return node.list().stream()
        .collect(
            Collectors.groupingBy(
                s -> ShardKey.of(s.dataset(), s.name()), LinkedHashMap::new, Collectors.toList()));
  }

  private void pass() {
    try {
      if (!stopped) {
        heldShards().forEach(this::place);
      }
    } catch (RuntimeException e) {
      LOG.warn("rebalancing stopped, the next membership change retries it: {}", e.toString());
    } finally {
      outstanding.decrementAndGet();
    }
    // A partition without an owner yet, or one that moved again during the pass, sends no further
    // event: look again shortly until every shard held here is where it belongs.
    if (!stopped && !inPlace() && outstanding.get() == 0) {
      outstanding.incrementAndGet();
      worker.schedule(this::pass, 1, TimeUnit.SECONDS);
    }
  }

  private void place(String shard, List<ProcessSummary> processes) {
    Member owner = hz.getPartitionService().getPartition(shard).getOwner();
    if (owner == null) {
      return;
    }
    if (owner.localMember()) {
      if (!node.address().equals(node.directory().get(shard))) {
        node.directory().set(shard, node.address());
      }
      return;
    }
    for (ProcessSummary s : processes) {
      if (stopped) {
        return;
      }
      StoredProcess p = node.get(s.id()).orElse(null);
      if (p == null) {
        continue;
      }
      try {
        hz.getExecutorService("rhoscope")
            .submitToMember(new Tasks.Put(Migration.upload(p)), owner)
            .get();
      } catch (ExecutionException e) {
        LOG.warn("cannot move {} to {}: {}; it stays here", p.name(), owner, e.getCause().toString());
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      node.remove(s.id());
    }
    LOG.info("moved shard {} ({} processes) to {}", shard, processes.size(), Members.address(owner));
  }

  /** Stops taking requests and waits for a running move to finish its process. */
  void stop() {
    stopped = true;
    worker.shutdown();
    try {
      if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.shutdownNow();
    }
  }

  @Override
  public void migrationStarted(MigrationState state) {}

  @Override
  public void migrationFinished(MigrationState state) {
    request();
  }

  @Override
  public void replicaMigrationCompleted(ReplicaMigrationEvent event) {}

  @Override
  public void replicaMigrationFailed(ReplicaMigrationEvent event) {
    request();
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    request();
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    request();
  }
}
