package rhoscope.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import rhoscope.engine.EngineSemantics;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.ingest.Prepared;
import rhoscope.indexer.ingest.Preparer;

/**
 * On open, derives again the features of processes indexed under other engine semantics: the
 * planner prunes on features, so a stale one could drop a process that matches under today's
 * engine. Each batch goes through the shard's write protocol ({@link Shard#store}), so a crash
 * midway leaves every process either re-derived in both stores or still stale in the catalog (and
 * re-derived on the next open), its source and identity kept either way. A process that cannot be
 * re-derived keeps its stored features but is never pruned.
 */
final class Rederivation {
  private static final System.Logger LOG = System.getLogger(ProcessDatabase.class.getName());

  private Rederivation() {}

  /**
   * Re-derives what is stale in {@code shard} on the database's {@code workers}; returns what it
   * did, one line each, for people.
   */
  static List<String> run(Shard shard, IndexOptions options, ForkJoinPool workers) {
    Map<Integer, List<Long>> stale = shard.processes.derivedUnderOtherSemantics();
    if (stale.isEmpty()) {
      return List.of();
    }
    List<Long> ids = stale.values().stream().flatMap(List::stream).sorted().toList();
    List<String> notices = new ArrayList<>();
    notices.add(
        "re-deriving the features of "
            + ids.size()
            + (ids.size() == 1 ? " process" : " processes")
            + " indexed under engine semantics "
            + stale.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
            + " (now "
            + EngineSemantics.VERSION
            + ")");
    LOG.log(System.Logger.Level.INFO, notices.get(0));
    Preparer preparer =
        new Preparer(
            options.sbml(),
            options.maxStates(),
            options.exploreTimeout(),
            identity -> Optional.empty());
    List<Long> failed = new ArrayList<>();
    int batchSize = Math.max(4, options.workers() * 4);
    for (int from = 0; from < ids.size(); from += batchSize) {
      List<Long> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
      // a row removed since the listing has nothing to re-derive
      List<Outcome> outcomes =
          workers
              .submit(
                  () ->
                      batch.parallelStream()
                          .flatMap(
                              id ->
                                  shard.get(id).map(r -> new Outcome(id, preparer.rederive(r)))
                                      .stream())
                          .toList())
              .join();
      List<ProcessRecord> ready = new ArrayList<>();
      for (Outcome o : outcomes) {
        switch (o.prepared()) {
          case Prepared.Ready r -> ready.add(r.record());
          case Prepared.Failed f -> {
            failed.add(o.id());
            String line =
                "cannot re-derive the features of "
                    + f.file().path()
                    + ": "
                    + f.reason()
                    + "; it keeps its stored features, is checked by every query without"
                    + " pruning, and is tried again on the next open";
            notices.add(line);
            LOG.log(System.Logger.Level.WARNING, line);
          }
          case Prepared.Unchanged u ->
              throw new IllegalStateException(
                  "re-deriving " + u.file().path() + " answered unchanged");
        }
      }
      if (!ready.isEmpty()) {
        shard.store(ready);
      }
    }
    shard.keepUnpruned(failed);
    return List.copyOf(notices);
  }

  private record Outcome(long id, Prepared prepared) {}
}
