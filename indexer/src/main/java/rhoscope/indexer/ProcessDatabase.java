package rhoscope.indexer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Environment;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.open.OpenSystem;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.catalog.ProcessCodec;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessSummary;
import rhoscope.indexer.ingest.Prepared;
import rhoscope.indexer.ingest.Preparer;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.indexer.ingest.SourceFiles;
import rhoscope.indexer.lucene.FeatureIndex;
import rhoscope.indexer.lucene.Fields;
import rhoscope.indexer.plan.Plan;
import rhoscope.indexer.plan.Planner;
import rhoscope.indexer.sbml.Pathway;
import rhoscope.indexer.sbml.SpeciesNames;

/**
 * A database of processes in a folder: index files into it, query it with types, list, show and
 * remove processes. One machine holds one shard (an H2 catalog and a Lucene index); the query path
 * is already "prune and check within each shard, then merge".
 *
 * <p>Not safe for use by two processes at once (H2 and Lucene each lock their files); safe for
 * concurrent queries from many threads of one process. Storing and removal are serialised; the
 * parsing and exploring that come before storing run without the lock.
 */
public final class ProcessDatabase implements AutoCloseable {
  private final Path dir;
  private final List<Shard> shards;
  private final Verifier verifier = new Verifier();
  private final ForkJoinPool pool;
  private final Object writeLock = new Object();
  private final List<String> openNotices;

  private ProcessDatabase(Path dir, List<Shard> shards, ForkJoinPool pool, List<String> notices) {
    this.dir = dir;
    this.shards = List.copyOf(shards);
    this.pool = pool;
    this.openNotices = List.copyOf(notices);
  }

  /**
   * Opens (creating if needed) the database in {@code dir}, repairing it after a crash, with an
   * explorer pool of one thread per core. Cached verdicts reached under other engine semantics
   * ({@link rhoscope.engine.EngineSemantics}) are dropped, and the features of processes indexed
   * under other engine semantics are derived again from their stored source, with {@link
   * IndexOptions#defaults()}'s exploration bounds ({@link #openNotices()} says so).
   */
  public static ProcessDatabase open(Path dir) {
    return open(dir, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Opens the database with an explorer pool of {@code workers} threads: every query fans its
   * candidates out on it and every candidate's explorer runs its levels on it, so checks never
   * make threads of their own. The database closes the pool.
   */
  public static ProcessDatabase open(Path dir, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    Path abs = dir.toAbsolutePath().normalize();
    Shard shard = Shard.open(abs);
    ForkJoinPool pool = new ForkJoinPool(workers);
    try {
      List<String> notices = Rederivation.run(shard, IndexOptions.defaults(), pool);
      return new ProcessDatabase(abs, List.of(shard), pool, notices);
    } catch (RuntimeException e) {
      pool.shutdown();
      shard.close();
      throw e;
    }
  }

  /** What opening had to do beyond reading, one line each (re-deriving stale features). */
  public List<String> openNotices() {
    return openNotices;
  }

  public Path directory() {
    return dir;
  }

  /**
   * Indexes files and folders (Rholang {@code .rho}, SBML {@code .xml}/{@code .sbml}). A process is
   * identified by its path, dataset and SBML import options ({@link
   * rhoscope.indexer.catalog.ProcessIdentity}): a file already stored under the same identity is
   * skipped when its fingerprint is unchanged and replaces its previous version when it changed;
   * the same file under another dataset or other import options is added as another process.
   *
   * @throws IllegalArgumentException when a path does not exist or is not a supported file
   */
  public IndexSummary index(List<Path> paths, IndexOptions options, IndexProgress progress) {
    long start = System.nanoTime();
    List<SourceFile> files = SourceFiles.collect(paths, options.dataset());
    Shard shard = shards.get(0);
    Preparer preparer =
        new Preparer(
            options.sbml(),
            options.maxStates(),
            options.exploreTimeout(),
            options.environment(),
            shard.processes::byIdentity);
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    List<IndexSummary.Failure> failed = new ArrayList<>();
    int batchSize = Math.max(4, options.workers() * 4);
    int done = 0;
    for (int from = 0; from < files.size(); from += batchSize) {
      List<SourceFile> batch = files.subList(from, Math.min(files.size(), from + batchSize));
      // Parsing and exploring hold no lock: only storing does, so a slow file never blocks writes.
      List<Prepared> prepared =
          inPool(pool, () -> batch.parallelStream().map(preparer::prepare).toList());
      List<ProcessRecord> ready = new ArrayList<>();
      for (Prepared p : prepared) {
        switch (p) {
          case Prepared.Unchanged u -> unchanged++;
          case Prepared.Failed f ->
              failed.add(new IndexSummary.Failure(f.file().path(), f.reason()));
          case Prepared.Ready r -> {
            ready.add(r.record());
            if (r.replacing()) {
              replaced++;
            } else {
              added++;
            }
          }
        }
      }
      if (!ready.isEmpty()) {
        synchronized (writeLock) {
          shard.store(ready);
        }
      }
      for (Prepared p : prepared) {
        progress.fileDone(++done, files.size(), p.file().path());
      }
    }
    return new IndexSummary(
        added, replaced, unchanged, failed, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Prepares an upload, {@code text} as the content of {@code file}, as {@link #index} would
   * (parse or import, derive features), writing nothing and taking no lock: the slow part of
   * storing one process, which a server runs before {@link #store} without blocking other writes.
   * Unlike {@link #index}, it fails a process that does not compile or print, with the error (see
   * {@link Preparer#prepareUpload}).
   */
  public Prepared prepare(SourceFile file, String text, IndexOptions options) {
    Shard shard = shards.get(0);
    return new Preparer(
            options.sbml(), options.maxStates(), options.exploreTimeout(), options.environment(),
            shard.processes::byIdentity)
        .prepareUpload(file, text);
  }

  /** A process as {@link #store} left it, and whether it replaced an older version. */
  public record Stored(ProcessRecord record, boolean replaced) {}

  /**
   * Stores a prepared process in both stores, under the write lock; when this returns the row is
   * {@code DONE} on disk ({@code WRITE_DELAY=0}), so a crash right after needs no repair to serve it.
   */
  public Stored store(Prepared.Ready ready) {
    Shard shard = shards.get(0);
    synchronized (writeLock) {
      boolean replaced = shard.processes.byIdentity(ready.record().identity()).isPresent();
      return new Stored(shard.store(List.of(ready.record())).get(0), replaced);
    }
  }

  /**
   * A stored process with every verdict cached for it, to store in another database by {@link
   * #adopt} without deriving or checking anything again; empty when there is none with this id.
   */
  public Optional<ProcessCodec.Portable> export(long id) {
    Shard shard = shards.get(0);
    return shard.get(id)
        .map(r -> new ProcessCodec.Portable(r, shard.verdicts.forFingerprint(r.fingerprint())));
  }

  /**
   * Stores a process another database exported, as it is (under a new id, replacing the process
   * of the same identity), and caches its verdicts: nothing is parsed, explored or checked.
   */
  public Stored adopt(ProcessCodec.Portable portable) {
    Shard shard = shards.get(0);
    synchronized (writeLock) {
      ProcessRecord r = portable.record();
      boolean replaced = shard.processes.byIdentity(r.identity()).isPresent();
      Stored stored = new Stored(shard.store(List.of(r)).get(0), replaced);
      portable.verdicts().forEach((key, v) -> shard.cache(r.fingerprint(), key, v));
      return stored;
    }
  }

  /**
   * Answers a query: derive the index condition from the request's plan, find the processes in
   * scope and the survivors of the condition, reuse cached verdicts, model check the rest in
   * parallel (each within the request's budget), merge.
   */
  public QueryResult query(QueryRequest request) {
    return query(request, QueryProgress.NONE, Cancellation.NEVER);
  }

  /** Answers a query as {@link #query(QueryRequest, QueryProgress, Cancellation)} does, uncancelled. */
  public QueryResult query(QueryRequest request, QueryProgress progress) {
    return query(request, progress, Cancellation.NEVER);
  }

  /**
   * Answers a query as {@link #query(QueryRequest)} does, telling {@code progress} the number of
   * candidates once they are known and then each candidate's verdict as its check finishes. The
   * verdicts arrive on this database's worker threads, concurrently: {@code progress} must be
   * thread-safe (see {@link QueryProgress}).
   *
   * <p>The query stops early when {@code cancel} is cancelled or its {@link
   * QueryRequest#totalTime()} runs out: running checks end at their next poll, candidates not yet
   * started are not checked (a cached verdict is still served), {@code progress} hears nothing of
   * the candidates left unfinished, and the query returns what it has: the finished answers in {@link
   * QueryResult#results()}, every candidate left without an answer in {@link
   * QueryResult#unfinished()}, unknown with why. With a total time, each candidate's check gets a share of what is
   * left: the time left times the checks running at once, divided by the candidates not started,
   * at most the budget's time, so that one unbounded process cannot take the whole query's time.
   */
  public QueryResult query(QueryRequest request, QueryProgress progress, Cancellation cancel) {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancel, "cancel");
    long start = System.nanoTime();
    CheckPlan check = request.plan();
    Plan plan = Planner.plan(check.core());
    Query pruning = withSpeciesNames(plan.query(), check);
    Query filter = filter(request);

    Optional<Query> prune = request.prunes() ? Optional.of(pruning) : Optional.empty();
    List<Candidate> candidates = new ArrayList<>();
    int total = 0;
    for (Shard shard : shards) {
      Shard.Candidates c =
          request.environment().hasGenesis()
              ? onGenesis(shard, filter, request.environment(), prune)
              : shard.candidates(alone(filter), prune);
      total += c.total();
      for (long id : c.survivors()) {
        candidates.add(new Candidate(shard, id));
      }
    }
    progress.candidates(candidates.size());
    int parallel = Math.max(1, Math.min(pool.getParallelism(), candidates.size()));
    CheckOptions options =
        CheckOptions.defaults()
            .withWorkers(Math.max(1, pool.getParallelism() / parallel))
            .withMaxStates(request.budget().maxStates())
            .withTimeout(request.budget().timeout())
            .withPool(pool);
    Turns turns =
        new Turns(
            request.totalTime().map(d -> start + d.toNanos()), candidates.size(), parallel,
            cancel, System::nanoTime);
    List<Answer> answers =
        inPool(
            pool,
            () ->
                candidates.parallelStream()
                    .map(
                        c -> {
                          Optional<Answer> a = answer(c, request, options, turns);
                          // the unfinished are told in the result, once they are known to be
                          a.filter(x -> x.how() == How.FINISHED)
                              .ifPresent(x -> progress.verdict(x.verdict()));
                          return a;
                        })
                    .flatMap(Optional::stream)
                    .toList());

    int fromCache = (int) answers.stream().filter(a -> a.verdict().cached()).count();
    int notChecked = (int) answers.stream().filter(a -> a.how() == How.NOT_CHECKED).count();
    List<ProcessVerdict> verdicts = answers.stream().map(Answer::verdict).toList();
    int matched = (int) verdicts.stream().filter(a -> a.verdict() == Verdict.YES).count();
    int unknown = (int) verdicts.stream().filter(a -> a.verdict() == Verdict.UNKNOWN).count();
    List<ProcessVerdict> found =
        answers.stream()
            .filter(a -> a.how() == How.FINISHED)
            .map(Answer::verdict)
            .filter(a -> a.verdict() != Verdict.NO)
            .toList();
    List<ProcessVerdict> results =
        found.stream()
            .sorted(Comparator.comparing(ProcessVerdict::verdict).thenComparing(ProcessVerdict::id))
            .limit(request.limit())
            .toList();
    List<ProcessVerdict> unfinished =
        answers.stream()
            .filter(a -> a.how() != How.FINISHED)
            .map(Answer::verdict)
            .sorted(Comparator.comparing(ProcessVerdict::id))
            .toList();
    QueryStats stats =
        new QueryStats(
            total,
            total - candidates.size(),
            answers.size() - fromCache - notChecked,
            fromCache,
            matched,
            unknown,
            (System.nanoTime() - start) / 1_000_000);
    return new QueryResult(
        request.type(),
        check.key(),
        request.prunes() ? plan.condition().describe() : "all",
        found.size(),
        results,
        unfinished,
        stats);
  }

  /**
   * The index condition a type's survivors must meet, readable ({@code all} when the planner
   * cannot prune for it): what {@code query --explain} shows.
   *
   * @throws rhoscope.lang.diag.LangException when the type does not parse
   */
  public static String explain(String type) {
    return explain(CheckPlan.parse("query", type));
  }

  /** The index condition of a compiled type, as {@link #explain(String)} shows it. */
  public static String explain(CheckPlan type) {
    return Planner.plan(type.core()).condition().describe();
  }

  private record Candidate(Shard shard, long id) {}

  /** {@code filter} narrowed to the processes indexed alone (not on a genesis). */
  private static Query alone(Query filter) {
    return new BooleanQuery.Builder()
        .add(filter, BooleanClause.Occur.FILTER)
        .add(new PrefixQuery(new Term(Fields.SEMANTICS, Environment.GENESIS_KEY)),
            BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /**
   * The candidates of a query on a genesis: the processes indexed on that genesis, pruned by their
   * features (derived on the genesis), and the processes indexed alone, unpruned (their features
   * describe the program without it), but for those whose path and dataset a process indexed on
   * the genesis also has: that one stands for the file. Processes indexed on another genesis are
   * not in scope.
   */
  private static Shard.Candidates onGenesis(
      Shard shard, Query filter, Environment environment, Optional<Query> prune) {
    Query stored =
        new BooleanQuery.Builder()
            .add(filter, BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(Fields.SEMANTICS, environment.key())),
                BooleanClause.Occur.FILTER)
            .build();
    List<Long> onIt = shard.candidates(stored, Optional.empty()).survivors();
    Set<String> files = new HashSet<>();
    for (long id : onIt) {
      shard.get(id).ifPresent(r -> files.add(r.dataset() + "\n" + r.path()));
    }
    List<Long> survivors =
        new ArrayList<>(prune.isEmpty() ? onIt : shard.candidates(stored, prune).survivors());
    int total = onIt.size();
    for (long id : shard.candidates(alone(filter), Optional.empty()).survivors()) {
      Optional<ProcessRecord> r = shard.get(id);
      if (r.isPresent() && !files.contains(r.get().dataset() + "\n" + r.get().path())) {
        survivors.add(id);
        total++;
      }
    }
    return new Shard.Candidates(total, survivors);
  }

  /**
   * The planner's condition widened for SBML models that the type names species of by their SBML
   * name: the planner sees only ids, so it would prune a model whose species the type calls by
   * name. Such a model's source holds the name, so letting through the SBML models whose text
   * mentions one of the type's plain names keeps every model the per-model resolution can change.
   * A model that has the name as a species id needs no widening: the planner's condition already
   * reads it exactly (and the id wins over a name).
   */
  private static Query withSpeciesNames(Query planned, CheckPlan check) {
    var names = SpeciesNames.plainNames(check.core());
    if (names.isEmpty()) {
      return planned;
    }
    BooleanQuery.Builder named = new BooleanQuery.Builder();
    for (String n : names) {
      named.add(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.FORMAT, "sbml")), BooleanClause.Occur.FILTER)
              .add(FeatureIndex.phraseQuery(n), BooleanClause.Occur.FILTER)
              .add(
                  new TermQuery(new Term(Fields.CHANNEL, "\"" + n + "\"")),
                  BooleanClause.Occur.MUST_NOT)
              .build(),
          BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(planned, BooleanClause.Occur.SHOULD)
        .add(named.build(), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** Whether a candidate's answer is the whole answer, or the query's time cut it short. */
  private enum How {
    FINISHED,
    /** Checked, but stopped by the query's cancellation or by its share of the query's time. */
    CUT_SHORT,
    /** Never checked: the query was over before its turn. */
    NOT_CHECKED
  }

  private record Answer(ProcessVerdict verdict, How how) {}

  private Optional<Answer> answer(
      Candidate c, QueryRequest request, CheckOptions options, Turns turns) {
    CheckPlan plan = request.plan();
    String key = request.cacheKey();
    String boundedKey = unknownKey(key, request.budget());
    Optional<ProcessRecord> found = c.shard().get(c.id());
    if (found.isEmpty()) {
      // Removed between the search and now.
      return Optional.empty();
    }
    ProcessRecord r = found.get();
    if (request.useCache()) {
      Optional<ProcessVerdict> hit =
          c.shard().cached(r.fingerprint(), key)
              .or(() -> c.shard().cached(r.fingerprint(), boundedKey))
              .flatMap(v -> Verifier.fromCache(r, v));
      if (hit.isPresent()) {
        return Optional.of(new Answer(hit.get(), How.FINISHED));
      }
    }
    Duration budget = request.budget().timeout();
    Optional<Duration> turn = turns.take(budget);
    if (turn.isEmpty()) {
      String why =
          turns.cancelled()
              ? "not checked: the query was cancelled before its turn"
              : "not checked: the query's time of "
                  + request.totalTime().orElseThrow().toMillis() + " ms ran out before its turn";
      return Optional.of(new Answer(Verifier.notChecked(r, why), How.NOT_CHECKED));
    }
    boolean shared = turn.get().compareTo(budget) < 0;
    Verifier.Checked v =
        verifier.check(
            r, plan, request.open(), request.environment(), options.withTimeout(turn.get()), turns.cancellation());
    How how =
        switch (v.end()) {
          case ANSWERED, BOUND, FAILED -> How.FINISHED;
          case TIME -> shared ? How.CUT_SHORT : How.FINISHED;
          case CANCELLED -> How.CUT_SHORT;
        };
    if (request.useCache()) {
      switch (v.end()) {
        case ANSWERED -> c.shard().cache(r.fingerprint(), key, Verifier.toCache(v.verdict()));
        // Unknown is the answer under these bounds only: a larger bound looks again.
        case BOUND -> c.shard().cache(r.fingerprint(), boundedKey, Verifier.toCache(v.verdict()));
        case TIME -> {
          if (!shared) {
            c.shard().cache(r.fingerprint(), boundedKey, Verifier.toCache(v.verdict()));
          }
        }
        case CANCELLED, FAILED -> {}
      }
    }
    ProcessVerdict verdict =
        how == How.CUT_SHORT
            ? withReason(v.verdict(), unfinishedReason(v, turn.get()))
            : v.verdict();
    return Optional.of(new Answer(verdict, how));
  }

  private static String unfinishedReason(Verifier.Checked v, Duration share) {
    return v.end() == Verifier.End.CANCELLED
        ? "the query was cancelled while this check ran: " + v.verdict().reason()
        : "its share of the query's time (" + share.toMillis() + " ms) ran out: "
            + v.verdict().reason();
  }

  private static ProcessVerdict withReason(ProcessVerdict v, String reason) {
    return new ProcessVerdict(
        v.id(), v.name(), v.dataset(), v.format(), v.verdict(), reason, v.witness(),
        v.finalState(), v.replayed(), v.millis(), v.method(), v.cached(), v.reduction());
  }

  /**
   * The cache key of an unknown verdict: the type's key and the bounds it was reached under, so
   * that only a query under the same bounds reuses it.
   */
  static String unknownKey(String typeKey, QueryRequest.Budget budget) {
    return typeKey + "\n-- unknown under " + budget.maxStates() + " states, "
        + budget.timeout().toMillis() + " ms";
  }

  private static Query filter(QueryRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    request
        .dataset()
        .ifPresent(
            d -> b.add(new TermQuery(new Term(Fields.DATASET, d)), BooleanClause.Occur.FILTER));
    request
        .format()
        .ifPresent(
            f ->
                b.add(
                    new TermQuery(new Term(Fields.FORMAT, f.name().toLowerCase(Locale.ROOT))),
                    BooleanClause.Occur.FILTER));
    request.text().ifPresent(t -> b.add(FeatureIndex.textQuery(t), BooleanClause.Occur.FILTER));
    request
        .namePattern()
        .ifPresent(
            p ->
                b.add(
                    new WildcardQuery(new Term(Fields.NAME_EXACT, p.toLowerCase(Locale.ROOT))),
                    BooleanClause.Occur.FILTER));
    return b.build();
  }

  /** Every stored process, in id order. */
  public List<ProcessSummary> list() {
    List<ProcessSummary> out = new ArrayList<>();
    shards.forEach(s -> out.addAll(s.list()));
    return out;
  }

  /** One stored process with its source, features and warnings. */
  public Optional<ProcessRecord> get(long id) {
    for (Shard s : shards) {
      Optional<ProcessRecord> r = s.get(id);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  /**
   * The compiled program of a stored process (kept from its last check where it still is): what a
   * verdict's witness replays on to show the states along it.
   *
   * @throws rhoscope.lang.diag.LangException when the process no longer compiles
   */
  public Optional<Program> program(long id) {
    return program(id, OpenSystem.closed());
  }

  /** The stored process compiled as {@code open} says (beside a client when open). */
  public Optional<Program> program(long id, OpenSystem open) {
    return program(id, open, Environment.none());
  }

  /** The stored process compiled as {@code open} says, to run on {@code environment}. */
  public Optional<Program> program(long id, OpenSystem open, Environment environment) {
    return get(id).map(r -> verifier.program(r, open, environment));
  }

  /**
   * For a stored SBML model, its species and reactions in its own terms, to read a witness of
   * {@link #program} with; empty for Rholang or when there is no process with this id.
   */
  public Optional<Pathway> pathway(long id) {
    return get(id).flatMap(verifier::pathway);
  }

  /** Removes a process from the database; false when there is none with this id. */
  public boolean remove(long id) {
    synchronized (writeLock) {
      for (Shard s : shards) {
        if (s.remove(id)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Forgets every cached verdict, and the compiled programs kept in memory: the next query runs
   * cold (benchmarks measure it after this).
   */
  public void clearCaches() {
    shards.forEach(s -> s.verdicts.clear());
    verifier.clear();
  }

  @Override
  public void close() {
    pool.shutdown();
    for (Shard s : shards) {
      s.close();
    }
  }

  private interface Task<T> {
    T run();
  }

  /** Runs a parallel stream inside a pool, so its width is the pool's, not the common pool's. */
  private static <T> T inPool(ForkJoinPool pool, Task<T> task) {
    try {
      return pool.submit(task::run).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
