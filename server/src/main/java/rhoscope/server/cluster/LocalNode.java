package rhoscope.server.cluster;

import java.time.Duration;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.NewProcess;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.http.QueryListener;
import rhoscope.server.http.Upload;
import rhoscope.server.http.Deadline;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.MemberHealth;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.Unfinished;

/**
 * What one member does for the cluster over its own database (its catalog and index under its own
 * {@code --db}): store, find, list, remove and query the processes it holds, under cluster ids.
 * Tasks from other members reach it through Hazelcast's user context ({@link #KEY}).
 */
final class LocalNode {
  static final String KEY = "rhoscope.node";
  /** Shard key to the address of the member holding that shard's processes. */
  static final String DIRECTORY = "rhoscope.shards";
  static final String PROGRESS = "rhoscope.progress";

  private final DatabaseService database;
  private final HazelcastInstance hz;
  private final String address;
  private final Cancels cancels;

  LocalNode(DatabaseService database, HazelcastInstance hz, String address) {
    this.database = database;
    this.hz = hz;
    this.address = address;
    this.cancels = new Cancels(hz.getMap(Cancels.MAP));
  }

  String address() {
    return address;
  }

  DatabaseService database() {
    return database;
  }

  Cancels cancels() {
    return cancels;
  }

  IMap<String, String> directory() {
    return hz.getMap(DIRECTORY);
  }

  int partition(String shardKey) {
    return hz.getPartitionService().getPartition(shardKey).getPartitionId();
  }

  private long clusterId(String dataset, String name, long localId) {
    return ClusterIds.of(partition(ShardKey.of(dataset, name)), localId);
  }

  /** Stores the process here, committed, and records this member as its shard's holder. */
  Upload put(NewProcess p) {
    Upload stored = database.put(p);
    directory().set(ShardKey.of(p.dataset(), p.name()), address);
    StoredProcess s = stored.process();
    return new Upload(
        Relabel.stored(s, clusterId(s.dataset(), s.name(), s.id())), stored.created());
  }

  Optional<StoredProcess> get(long clusterId) {
    return database
        .get(Long.toString(ClusterIds.local(clusterId)))
        .filter(s -> clusterId(s.dataset(), s.name(), s.id()) == clusterId)
        .map(s -> Relabel.stored(s, clusterId));
  }

  boolean remove(long clusterId) {
    return get(clusterId).isPresent()
        && database.remove(Long.toString(ClusterIds.local(clusterId)));
  }

  /** Every process held here, under cluster ids. */
  List<ProcessSummary> list() {
    return database.list(ProcessFilter.NONE, 0, Integer.MAX_VALUE).items().stream()
        .map(s -> Relabel.summary(s, clusterId(s.dataset(), s.name(), s.id())))
        .toList();
  }

  MemberHealth health(boolean local) {
    List<ProcessSummary> all = list();
    TreeSet<String> shards = new TreeSet<>();
    all.forEach(s -> shards.add(ShardKey.of(s.dataset(), s.name())));
    return new MemberHealth(address, local, all.size(), List.copyOf(shards));
  }

  /**
   * Answers the query over the processes held here, telling the caller's progress topic as
   * verdicts arrive; ids are cluster ids. It runs within {@code left}, what the caller had left of
   * its budget when it asked, and stops at the next state of its checks when the caller cancels
   * the query ({@link Cancels}), answering what it has.
   */
  QueryAnswer query(QueryOrder order, String queryId, Duration left) {
    ITopic<String> topic = hz.getTopic(PROGRESS);
    QueryListener relay =
        new QueryListener() {
          @Override
          public void progress(long checked, long candidates) {
            topic.publish(
                ClusterJson.write(new ProgressNote(queryId, address, checked, candidates, null)));
          }

          @Override
          public void matched(Match match) {
            Match m = Relabel.match(match, clusterId(match.dataset(), match.name(), match.id()));
            topic.publish(ClusterJson.write(new ProgressNote(queryId, address, 0, 0, m)));
          }
        };
    QueryAnswer a;
    try {
      a = database.prepareQuery(order.spec(), relay)
          .run(cancels.open(queryId), Deadline.startingNow(left));
    } finally {
      cancels.done(queryId);
    }
    List<Match> matches = new ArrayList<>();
    for (Match m : a.matches()) {
      matches.add(Relabel.match(m, clusterId(m.dataset(), m.name(), m.id())));
    }
    List<Unfinished> unfinished = new ArrayList<>();
    for (Unfinished u : a.unfinished() == null ? List.<Unfinished>of() : a.unfinished()) {
      unfinished.add(Relabel.unfinished(u, clusterId(u.dataset(), u.name(), u.id())));
    }
    return new QueryAnswer(
        a.type(), a.plan(), a.total(), a.offset(), a.limit(), matches, a.partial(), unfinished,
        a.unavailable(), a.stats());
  }
}
