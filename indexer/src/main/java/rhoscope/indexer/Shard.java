package rhoscope.indexer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import rhoscope.indexer.catalog.CachedVerdict;
import rhoscope.indexer.catalog.Catalog;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessSummary;
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
  final Catalog catalog;
  final FeatureIndex index;

  private Shard(Catalog catalog, FeatureIndex index) {
    this.catalog = catalog;
    this.index = index;
  }

  static Shard open(Path dir) {
    Catalog catalog = Catalog.open(dir);
    try {
      Shard shard = new Shard(catalog, FeatureIndex.open(dir.resolve("lucene")));
      shard.reconcile();
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
    List<Long> removing = catalog.idsWithStatus(Catalog.Status.REMOVING);
    List<Long> pending = catalog.idsWithStatus(Catalog.Status.PENDING);
    Set<Long> gone = new HashSet<>(removing);
    Map<Long, String> inCatalog = catalog.fingerprints();
    Map<Long, String> inIndex = index.fingerprints();
    int repairs = 0;
    for (Long id : inIndex.keySet()) {
      if (!inCatalog.containsKey(id) || gone.contains(id)) {
        index.delete(id);
        repairs++;
      }
    }
    for (Map.Entry<Long, String> e : inCatalog.entrySet()) {
      if (!gone.contains(e.getKey()) && !e.getValue().equals(inIndex.get(e.getKey()))) {
        Optional<ProcessRecord> r = catalog.get(e.getKey());
        if (r.isPresent()) {
          index.put(r.get());
          repairs++;
        }
      }
    }
    if (repairs > 0) {
      index.commit();
    }
    removing.forEach(catalog::delete);
    catalog.setStatus(pending, Catalog.Status.DONE);
    return repairs;
  }

  /** Stores a batch of processes in both stores; returns them with their ids. */
  List<ProcessRecord> store(List<ProcessRecord> batch) {
    List<ProcessRecord> stored = new ArrayList<>();
    for (ProcessRecord r : batch) {
      ProcessRecord withId = r.withId(catalog.putPending(r));
      index.put(withId);
      stored.add(withId);
    }
    index.commit();
    catalog.setStatus(stored.stream().map(ProcessRecord::id).toList(), Catalog.Status.DONE);
    return stored;
  }

  /** Removes a process from both stores; false if there is none with this id. */
  boolean remove(long id) {
    if (catalog.get(id).isEmpty()) {
      return false;
    }
    catalog.setStatus(List.of(id), Catalog.Status.REMOVING);
    index.delete(id);
    index.commit();
    catalog.delete(id);
    return true;
  }

  /** Ids of processes passing the filters, and of those also passing the plan. */
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
    return new Candidates(inScope.size(), index.search(both));
  }

  record Candidates(int total, List<Long> survivors) {}

  List<ProcessSummary> list() {
    return catalog.list();
  }

  Optional<ProcessRecord> get(long id) {
    return catalog.get(id);
  }

  Optional<CachedVerdict> cached(String fingerprint, String typeKey) {
    return catalog.verdict(fingerprint, typeKey);
  }

  void cache(String fingerprint, String typeKey, CachedVerdict v) {
    catalog.putVerdict(fingerprint, typeKey, v);
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
