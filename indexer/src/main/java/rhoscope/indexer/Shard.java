package rhoscope.indexer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import rhoscope.indexer.catalog.CachedVerdict;
import rhoscope.indexer.catalog.CatalogFile;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessStore;
import rhoscope.indexer.catalog.ProcessSummary;
import rhoscope.indexer.catalog.VerdictCache;
import rhoscope.indexer.lucene.FeatureIndex;

/**
 * One shard: an H2 catalog and a Lucene index that always describe the same processes. A database
 * is a list of shards (one, on one machine); a query prunes and checks within each shard and the
 * caller merges, so that shards can later live on other members of a cluster.
 *
 * <p>Writes follow one protocol so that a crash at any point leaves the stores reconcilable:
 * catalog row as {@code PENDING} (one transaction), Lucene document, Lucene commit, row {@code
 * DONE}. A removal marks the row {@code REMOVING}, deletes and commits the document, then deletes
 * the row. {@link #reconcile()} on open finishes or redoes whatever a crash cut short: the catalog
 * is the source of truth, the index is rebuilt from it where they disagree.
 */
final class Shard implements AutoCloseable {
  private final CatalogFile catalog;
  final ProcessStore processes;
  final VerdictCache verdicts;
  final FeatureIndex index;
  // Stale features (derived under other engine semantics) that could not be re-derived: the
  // planner's pruning is not trusted for them, so they stay candidates of every query.
  private final Set<Long> unprunable = ConcurrentHashMap.newKeySet();

  private Shard(CatalogFile catalog, FeatureIndex index) {
    this.catalog = catalog;
    this.processes = new ProcessStore(catalog);
    this.verdicts = new VerdictCache(catalog);
    this.index = index;
  }

  /**
   * Opens the shard in {@code dir}, reconciling its stores and dropping cached verdicts of other
   * engine semantics. Features of other engine semantics are left for {@link Rederivation}.
   */
  static Shard open(Path dir) {
    CatalogFile catalog = CatalogFile.open(dir);
    try {
      Shard shard = new Shard(catalog, FeatureIndex.open(dir.resolve("lucene")));
      shard.reconcile();
      shard.verdicts.dropOtherSemantics();
      return shard;
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  /**
   * Brings the index in line with the catalog. Returns how many documents it had to write or delete
   * (zero after a clean shutdown).
   */
  int reconcile() {
    List<Long> removing = processes.idsWithStatus(ProcessStore.Status.REMOVING);
    List<Long> pending = processes.idsWithStatus(ProcessStore.Status.PENDING);
    Set<Long> gone = new HashSet<>(removing);
    Set<Long> unsure = new HashSet<>(pending);
    Map<Long, String> inCatalog = processes.fingerprints();
    Map<Long, String> inIndex = index.fingerprints();
    int repairs = 0;
    for (Long id : inIndex.keySet()) {
      if (!inCatalog.containsKey(id) || gone.contains(id)) {
        index.delete(id);
        repairs++;
      }
    }
    for (Map.Entry<Long, String> e : inCatalog.entrySet()) {
      // A pending row's document may predate it even with an equal fingerprint: features
      // re-derived under new engine semantics keep the content's fingerprint.
      boolean stale =
          unsure.contains(e.getKey()) || !e.getValue().equals(inIndex.get(e.getKey()));
      if (!gone.contains(e.getKey()) && stale) {
        Optional<ProcessRecord> r = processes.get(e.getKey());
        if (r.isPresent()) {
          index.put(r.get());
          repairs++;
        }
      }
    }
    if (repairs > 0) {
      index.commit();
    }
    removing.forEach(processes::delete);
    processes.setStatus(pending, ProcessStore.Status.DONE);
    return repairs;
  }

  /** Stores a batch of processes in both stores; returns them with their ids. */
  List<ProcessRecord> store(List<ProcessRecord> batch) {
    List<ProcessRecord> stored = new ArrayList<>();
    for (ProcessRecord r : batch) {
      ProcessRecord withId = r.withId(processes.putPending(r));
      index.put(withId);
      stored.add(withId);
    }
    index.commit();
    processes.setStatus(
        stored.stream().map(ProcessRecord::id).toList(), ProcessStore.Status.DONE);
    stored.forEach(r -> unprunable.remove(r.id()));
    return stored;
  }

  /** Removes a process from both stores; false if there is none with this id. */
  boolean remove(long id) {
    if (processes.get(id).isEmpty()) {
      return false;
    }
    processes.setStatus(List.of(id), ProcessStore.Status.REMOVING);
    index.delete(id);
    index.commit();
    processes.delete(id);
    unprunable.remove(id);
    return true;
  }

  /**
   * Ids of processes passing the filters, and of those also passing the plan or kept from its
   * pruning ({@link #keepUnpruned}).
   */
  Candidates candidates(Query filter, Optional<Query> plan) {
    List<Long> inScope = index.search(filter);
    if (plan.isEmpty()) {
      return new Candidates(inScope.size(), inScope);
    }
    BooleanQuery both =
        new BooleanQuery.Builder()
            .add(filter, BooleanClause.Occur.FILTER)
            .add(plan.get(), BooleanClause.Occur.FILTER)
            .build();
    List<Long> survivors = index.search(both);
    if (unprunable.isEmpty()) {
      return new Candidates(inScope.size(), survivors);
    }
    Set<Long> passed = new HashSet<>(survivors);
    List<Long> kept = new ArrayList<>();
    for (long id : inScope) {
      if (passed.contains(id) || unprunable.contains(id)) {
        kept.add(id);
      }
    }
    return new Candidates(inScope.size(), kept);
  }

  /** Never prunes these processes (until they are stored again or removed). */
  void keepUnpruned(List<Long> ids) {
    unprunable.addAll(ids);
  }

  record Candidates(int total, List<Long> survivors) {}

  List<ProcessSummary> list() {
    return processes.list();
  }

  Optional<ProcessRecord> get(long id) {
    return processes.get(id);
  }

  Optional<CachedVerdict> cached(String fingerprint, String typeKey) {
    return verdicts.get(fingerprint, typeKey);
  }

  void cache(String fingerprint, String typeKey, CachedVerdict v) {
    verdicts.put(fingerprint, typeKey, v);
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      catalog.close();
    }
  }
}
