package rhoscope.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import rhoscope.indexer.catalog.ProcessCodec;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.Deadline;
import rhoscope.server.http.NewProcess;
import rhoscope.server.http.PendingUpload;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.http.QueryListener;
import rhoscope.server.http.Upload;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.MemberHealth;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.Unfinished;

/**
 * What one member does for the cluster over its own database (its catalog and index under its own
 * {@code --db}): store, find, list, remove and query the processes it holds, under cluster ids,
 * and hand shards over to other members and take them in. Every write and delete gets a write
 * number ({@link WriteClock}, kept in {@link VersionStore}); taking a shard in keeps the higher
 * number of two copies. Tasks from other members reach it through Hazelcast's user context
 * ({@link #KEY}).
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
  private final VersionStore versions;
  private final WriteClock clock;
  // Comparing write numbers and storing the winner is one step: a write between the two would
  // be overwritten by an older copy.
  private final Object writes = new Object();
  private final AtomicLong derived = new AtomicLong();

  LocalNode(DatabaseService database, HazelcastInstance hz, String address) {
    this.database = database;
    this.hz = hz;
    this.address = address;
    this.cancels = new Cancels(hz.getMap(Cancels.MAP));
    this.versions = VersionStore.open(database.directory());
    this.clock = new WriteClock(hz, versions.max());
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

  /** How many uploads this member parsed and analysed; a shard taken in adds none. */
  long derived() {
    return derived.get();
  }

  int partition(String shardKey) {
    return hz.getPartitionService().getPartition(shardKey).getPartitionId();
  }

  private long clusterId(String dataset, String name, long localId) {
    return ClusterIds.of(partition(ShardKey.of(dataset, name)), localId);
  }

  /**
   * Stores the process here, committed, under a new write number, and records this member as its
   * shard's holder when the shard has none.
   */
  Upload put(NewProcess p) {
    derived.incrementAndGet();
    PendingUpload pending = database.stage(p);
    String shard = ShardKey.of(p.dataset(), p.name());
    Upload stored;
    synchronized (writes) {
      stored = pending.commit();
      StoredProcess s = stored.process();
      versions.set(
          ProcessKey.of(s.dataset(), s.name(), s.semantics()), shard,
          new VersionStore.Entry(clock.next(), false));
    }
    directory().putIfAbsent(shard, address);
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

  /** Deletes the process here, leaving its delete's write number so no older copy returns. */
  boolean remove(long clusterId) {
    synchronized (writes) {
      Optional<StoredProcess> p = get(clusterId);
      if (p.isEmpty()) {
        return false;
      }
      StoredProcess s = p.get();
      versions.set(
          ProcessKey.of(s.dataset(), s.name(), s.semantics()), ShardKey.of(s.dataset(), s.name()),
          new VersionStore.Entry(clock.next(), true));
      return database.remove(Long.toString(ClusterIds.local(clusterId)));
    }
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

  /** The shard's processes held here, as stored, with their write numbers and its deletes. */
  List<ShardBatch> export(String shard, int batchSize) {
    List<ShardBatch.Moved> moved = new ArrayList<>();
    for (ProcessSummary s : list()) {
      if (!ShardKey.of(s.dataset(), s.name()).equals(shard)) {
        continue;
      }
      database.export(ClusterIds.local(s.id())).ifPresent(p -> {
        String key = ProcessKey.of(s.dataset(), s.name(), s.semantics());
        moved.add(new ShardBatch.Moved(key, versions.version(key), ProcessCodec.encode(p)));
      });
    }
    Map<String, Long> tombstones = versions.tombstones(shard);
    List<ShardBatch> out = new ArrayList<>();
    for (int from = 0; from < moved.size() || from == 0; from += batchSize) {
      List<ShardBatch.Moved> part = moved.subList(from, Math.min(moved.size(), from + batchSize));
      out.add(new ShardBatch(shard, part, from == 0 ? tombstones : Map.of()));
    }
    return out;
  }

  /**
   * Takes in part of a shard another member holds: each process unless a copy or delete with at
   * least its write number is here, stored as it comes (nothing is parsed or checked); each delete
   * removes an older copy here. When this returns, what was sent is committed here or outranked.
   */
  void adopt(ShardBatch batch) {
    synchronized (writes) {
      Map<String, ProcessSummary> here = heldByKey(batch.shard());
      for (ShardBatch.Moved m : batch.processes()) {
        clock.seen(m.version());
        if (m.version() > versionHere(m.key(), here)) {
          database.adopt(ProcessCodec.decode(m.encoded()));
          versions.set(m.key(), batch.shard(), new VersionStore.Entry(m.version(), false));
        }
      }
      here = heldByKey(batch.shard());
      for (Map.Entry<String, Long> t : batch.tombstones().entrySet()) {
        clock.seen(t.getValue());
        Optional<VersionStore.Entry> mine = versions.get(t.getKey());
        if (mine.isPresent() && mine.get().version() >= t.getValue()) {
          continue;
        }
        ProcessSummary copy = here.get(t.getKey());
        if (copy != null) {
          database.remove(Long.toString(ClusterIds.local(copy.id())));
        }
        versions.set(t.getKey(), batch.shard(), new VersionStore.Entry(t.getValue(), true));
      }
    }
  }

  /** The shards with deletes here: they move with the shard, like its processes. */
  Set<String> shardsWithTombstones() {
    return versions.shardsWithTombstones();
  }

  /**
   * Deletes the copies here that the batch moved, once their new holder committed them: only a
   * copy still at the number sent (a write that came here meanwhile stays, to move next); the
   * deletes it moved are kept by the new holder now.
   */
  void dropMoved(ShardBatch batch) {
    synchronized (writes) {
      batch.tombstones().forEach(versions::forgetTombstone);
      Map<String, ProcessSummary> here = heldByKey(batch.shard());
      for (ShardBatch.Moved m : batch.processes()) {
        ProcessSummary copy = here.get(m.key());
        if (copy != null && versions.version(m.key()) == m.version()) {
          database.remove(Long.toString(ClusterIds.local(copy.id())));
        }
      }
    }
  }

  /** The write number of the copy or delete here, -1 when there is neither. */
  private long versionHere(String key, Map<String, ProcessSummary> here) {
    Optional<VersionStore.Entry> e = versions.get(key);
    if (e.isPresent() && (e.get().deleted() || here.containsKey(key))) {
      return e.get().version();
    }
    return here.containsKey(key) ? 0 : -1;
  }

  private Map<String, ProcessSummary> heldByKey(String shard) {
    Map<String, ProcessSummary> out = new HashMap<>();
    for (ProcessSummary s : list()) {
      if (ShardKey.of(s.dataset(), s.name()).equals(shard)) {
        out.put(ProcessKey.of(s.dataset(), s.name(), s.semantics()), s);
      }
    }
    return out;
  }

  /**
   * Answers the query over the processes held here that the assignment gives this member,
   * telling the caller's progress topic as verdicts arrive; ids are cluster ids. It runs within
   * {@code left}, what the caller had left of its budget when it asked, and stops at the next
   * state of its checks when the caller cancels the query ({@link Cancels}), answering what it
   * has.
   */
  MemberAnswer query(QueryOrder order, String queryId, Assignment assignment, Duration left) {
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
            if (assignment.answers(address, ShardKey.of(match.dataset(), match.name()))) {
              Match m = Relabel.match(match, clusterId(match.dataset(), match.name(), match.id()));
              topic.publish(ClusterJson.write(new ProgressNote(queryId, address, 0, 0, m)));
            }
          }
        };
    // Every match is asked for, not only the first page, and the total counts those this member
    // answers for: a shard answered elsewhere may be held here too, or arrive while the query
    // runs (other moves go on). The database checks every candidate whatever the page, so this
    // costs the list of matches only.
    QueryAnswer a = run(order.withLimit(Integer.MAX_VALUE), queryId, relay,
        Deadline.startingNow(left));
    List<ProcessSummary> held = list();
    long skipped = skipped(held, assignment);
    Map<String, String> semantics = new HashMap<>();
    held.forEach(s -> semantics.put(s.dataset() + "\n" + s.name(), s.semantics()));
    Map<Long, MemberAnswer.Copy> copies = new LinkedHashMap<>();
    List<Match> matches = new ArrayList<>();
    for (Match m : a.matches()) {
      if (assignment.answers(address, ShardKey.of(m.dataset(), m.name()))) {
        long id = clusterId(m.dataset(), m.name(), m.id());
        matches.add(Relabel.match(m, id));
        copies.put(id, copy(m.dataset(), m.name(), semantics));
      }
    }
    long total = matches.size();
    List<Match> page = matches.subList(0, Math.min(matches.size(), order.limit()));
    List<Unfinished> unfinished = new ArrayList<>();
    for (Unfinished u : a.unfinished() == null ? List.<Unfinished>of() : a.unfinished()) {
      if (assignment.answers(address, ShardKey.of(u.dataset(), u.name()))) {
        long id = clusterId(u.dataset(), u.name(), u.id());
        unfinished.add(Relabel.unfinished(u, id));
        copies.put(id, copy(u.dataset(), u.name(), semantics));
      }
    }
    QueryStats s = a.stats();
    QueryStats stats =
        new QueryStats(
            s.processes() - skipped, s.candidates(), s.checked(), s.matched(), s.unknown(),
            s.cached(), s.elapsedMs());
    return new MemberAnswer(
        new QueryAnswer(
            a.type(), a.plan(), total, a.offset(), order.limit(), List.copyOf(page),
            a.partial(), unfinished, a.unavailable(), stats),
        copies);
  }

  private QueryAnswer run(QueryOrder asked, String queryId, QueryListener listener,
      Deadline deadline) {
    try {
      return database.prepareQuery(asked.spec(), listener).run(cancels.open(queryId), deadline);
    } finally {
      cancels.done(queryId);
    }
  }

  private long skipped(List<ProcessSummary> held, Assignment assignment) {
    return held.stream()
        .filter(s -> !assignment.answers(address, ShardKey.of(s.dataset(), s.name())))
        .count();
  }

  private MemberAnswer.Copy copy(String dataset, String name, Map<String, String> semantics) {
    String key = ProcessKey.of(dataset, name, semantics.get(dataset + "\n" + name));
    return new MemberAnswer.Copy(key, versions.version(key));
  }

  void close() {
    versions.close();
  }
}
