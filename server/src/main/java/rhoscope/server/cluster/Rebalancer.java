package rhoscope.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the shards this member holds to the members Hazelcast's partitioning now assigns them to,
 * after every migration and membership change, as stored (nothing is parsed or checked again). A
 * process is committed on its new owner before it is removed here, so a member failing in between
 * leaves a copy, never none; the copies' write numbers decide which one stays.
 */
final class Rebalancer implements MigrationListener, MembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(Rebalancer.class);

  // Processes a move sends in one task: a shard's sources can be large.
  private static final int BATCH = 100;
  static final String MOVES = "rhoscope.moves";

  private final HazelcastInstance hz;
  private final LocalNode node;
  private final IExecutorService executor;
  private final RunningQueries running;
  private final IMap<String, String> moves;
  private volatile MoveHook hook = MoveHook.NONE;
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
    this.executor = hz.getExecutorService("rhoscope");
    this.running = new RunningQueries(hz);
    this.moves = hz.getMap(MOVES);
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

  /**
   * Whether every shard held here belongs here now, and the directory names this member for each
   * shard with processes here.
   */
  boolean inPlace() {
    Set<String> withProcesses = shardsWithProcesses();
    for (String shard : heldShards(withProcesses)) {
      Member owner = hz.getPartitionService().getPartition(shard).getOwner();
      if (owner == null || !owner.localMember()) {
        return false;
      }
      if (withProcesses.contains(shard)
          && !node.address().equals(node.directory().get(shard))) {
        return false;
      }
    }
    return true;
  }

  /** Lets a test stop a move between its steps. */
  void onMove(MoveHook hook) {
    this.hook = hook;
  }

  private Set<String> shardsWithProcesses() {
    Set<String> out = new LinkedHashSet<>();
    node.list().forEach(s -> out.add(ShardKey.of(s.dataset(), s.name())));
    return out;
  }

  /** The shards with processes or deletes here. */
  private Set<String> heldShards(Set<String> withProcesses) {
    Set<String> out = new LinkedHashSet<>(withProcesses);
    out.addAll(node.shardsWithTombstones());
    return out;
  }

  private void pass() {
    try {
      if (!stopped) {
        for (String shard : heldShards(shardsWithProcesses())) {
          if (stopped) {
            break;
          }
          place(shard);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("rebalancing stopped, the next membership change retries it: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  /**
   * Hands the shard to its partition's owner: its stored processes (with their cached verdicts)
   * and deletes go over as they are and are committed there; then the directory names the owner;
   * then, once the queries that may have read the old name have ended, the copies here are
   * deleted. Some member answers for every process at every step, and only one: the directory
   * names it. A shard whose directory names a member gone keeps that name (its processes there
   * are unavailable) until the member returns and hands the shard over.
   */
  private void place(String shard) throws InterruptedException {
    Member owner = hz.getPartitionService().getPartition(shard).getOwner();
    if (owner == null) {
      return;
    }
    String holder = node.directory().get(shard);
    if (owner.localMember()) {
      if (holder == null) {
        node.directory().putIfAbsent(shard, node.address());
      }
      return;
    }
    // One move of a shard at a time in the cluster: two members moving it to each other at once
    // (each seeing the other as its owner for a moment) would each delete the copy the other kept.
    // A member that dies holding the lock releases it.
    if (!moves.tryLock(shard, 10, TimeUnit.SECONDS, 30, TimeUnit.MINUTES)) {
      return;
    }
    try {
      // The owner may have changed while this waited for the lock.
      Member now = hz.getPartitionService().getPartition(shard).getOwner();
      if (now != null && !now.localMember()) {
        hand(shard, now);
      }
    } finally {
      moves.unlock(shard);
    }
  }

  private void hand(String shard, Member owner) throws InterruptedException {
    // Read under the lock: a move that just ended may have changed it.
    String holder = node.directory().get(shard);
    List<ShardBatch> batches = node.export(shard, BATCH);
    int moved = 0;
    for (ShardBatch batch : batches) {
      if (stopped) {
        return;
      }
      try {
        executor.submitToMember(new Tasks.Adopt(batch), owner).get();
      } catch (ExecutionException e) {
        LOG.warn("cannot move shard {} to {}: {}; it stays here", shard, owner, e.getCause().toString());
        return;
      }
      moved += batch.processes().size();
    }
    hook.at(MoveHook.Step.COMMITTED, shard);
    String to = Members.address(owner);
    if (holder == null) {
      node.directory().putIfAbsent(shard, to);
    } else if (holder.equals(node.address())) {
      node.directory().replace(shard, holder, to);
    }
    hook.at(MoveHook.Step.HANDED_OVER, shard);
    if (!running.awaitThoseRunning(() -> stopped)) {
      return;
    }
    batches.forEach(node::dropMoved);
    LOG.info("moved shard {} ({} processes) to {}", shard, moved, to);
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
