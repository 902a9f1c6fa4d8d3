package rhoscope.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import rhoscope.engine.Cancellation;
import rhoscope.server.http.CheckSpec;
import rhoscope.server.http.NewProcess;
import rhoscope.server.http.Prepared;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.http.ProcessService;
import rhoscope.server.http.QueryListener;
import rhoscope.server.http.QuerySpec;
import rhoscope.server.http.PendingUpload;
import rhoscope.server.http.Upload;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.ClusterHealth;
import rhoscope.server.wire.MemberHealth;
import rhoscope.server.wire.NamedType;
import rhoscope.server.wire.ProcessPage;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.TypeForms;

/**
 * The {@link ProcessService} of a cluster member: the API of one machine over the whole cluster. A
 * write goes to the member that owns its shard (Hazelcast's partition owner, or the member still
 * holding the shard) and is answered once that member committed; reads and queries ask every
 * member for what it holds and merge. Types are parsed here, so a bad one is a 400 before any
 * member works on it.
 */
final class ClusterService implements ProcessService {
  /** How often a query's caller looks at its token while the members work. */
  private static final Duration POLL = Duration.ofMillis(50);
  /** How long a query given up on waits for the members to stop before it lets its worker go. */
  static final Duration STOPPING = Duration.ofSeconds(10);

  private final String name;
  private final HazelcastInstance hz;
  private final LocalNode node;
  private final IExecutorService executor;
  private final Runnable onClose;
  private final RunningQueries running;

  ClusterService(String name, HazelcastInstance hz, LocalNode node, Runnable onClose) {
    this.name = name;
    this.hz = hz;
    this.node = node;
    this.executor = hz.getExecutorService("rhoscope");
    this.onClose = onClose;
    this.running = new RunningQueries(hz);
  }

  @Override
  public PendingUpload stage(NewProcess process) {
    // The owner parses, analyses and stores the upload in one task: its own write lock is held
    // only to store, as on one machine.
    Member owner = owner(ShardKey.of(process.dataset(), process.name()));
    return () ->
        ClusterJson.read(
            await(executor.submitToMember(new Tasks.Put(process), owner)), Upload.class);
  }

  /**
   * The member to store a shard's processes on: the one holding it while it is in the cluster (a
   * migration may not have moved it yet), else the partition's owner.
   */
  private Member owner(String shardKey) {
    String holder = node.directory().get(shardKey);
    if (holder != null) {
      for (Member m : hz.getCluster().getMembers()) {
        if (Members.address(m).equals(holder)) {
          return m;
        }
      }
    }
    Member owner = hz.getPartitionService().getPartition(shardKey).getOwner();
    if (owner == null) {
      throw new ApiException(
          503, "unavailable", "no member owns the shard " + shardKey + " yet; retry shortly");
    }
    return owner;
  }

  @Override
  public ProcessPage list(ProcessFilter filter, int offset, int limit) {
    List<ProcessSummary> all = new ArrayList<>();
    for (String json : everyMember(new Tasks.ListAll()).values()) {
      all.addAll(Arrays.asList(ClusterJson.read(json, ProcessSummary[].class)));
    }
    List<ProcessSummary> passing =
        all.stream()
            .filter(s -> filter.accepts(s.dataset(), s.name(), s.format()))
            .sorted(
                Comparator.comparing(ProcessSummary::dataset).thenComparing(ProcessSummary::name))
            .toList();
    int from = Math.min(offset, passing.size());
    return new ProcessPage(
        passing.size(), offset, limit,
        passing.subList(from, Math.min(passing.size(), from + limit)));
  }

  @Override
  public Optional<StoredProcess> get(String id) {
    Optional<Long> clusterId = parseId(id);
    if (clusterId.isEmpty()) {
      return Optional.empty();
    }
    return everyMember(new Tasks.Get(clusterId.get())).values().stream()
        .filter(json -> json != null)
        .findFirst()
        .map(json -> ClusterJson.read(json, StoredProcess.class));
  }

  @Override
  public boolean remove(String id) {
    Optional<Long> clusterId = parseId(id);
    return clusterId.isPresent()
        && everyMember(new Tasks.Remove(clusterId.get())).values().stream().anyMatch(b -> b);
  }

  @Override
  public long count() {
    return members().stream().mapToLong(MemberHealth::processes).sum();
  }

  @Override
  public Optional<ClusterHealth> cluster() {
    return Optional.of(new ClusterHealth(name, members(), unavailable()));
  }

  private List<MemberHealth> members() {
    List<MemberHealth> out = new ArrayList<>();
    everyMember(new Tasks.Health())
        .forEach(
            (member, json) -> {
              MemberHealth h = ClusterJson.read(json, MemberHealth.class);
              out.add(
                  new MemberHealth(
                      h.address(), member.localMember(), h.processes(), h.shards()));
            });
    out.sort(Comparator.comparing(MemberHealth::address));
    return out;
  }

  /** The shards whose holder is not in the cluster now: their processes answer nothing. */
  private List<String> unavailable() {
    return unavailable(Map.copyOf(node.directory()));
  }

  private Set<String> live() {
    return hz.getCluster().getMembers().stream().map(Members::address).collect(Collectors.toSet());
  }

  private List<String> unavailable(Map<String, String> holders) {
    Set<String> live = live();
    TreeSet<String> gone = new TreeSet<>();
    holders.forEach((shard, holder) -> {
      if (!live.contains(holder)) {
        gone.add(shard);
      }
    });
    return List.copyOf(gone);
  }

  @Override
  public Prepared<QueryAnswer> prepareQuery(QuerySpec spec, QueryListener listener) {
    QueryOrder order = QueryOrder.of(spec);
    return (cancel, deadline) -> {
      // Compiling here reports a malformed type once, with its place, before any member runs.
      node.database().parseType(spec.type());
      try (ProgressRelay relay =
          new ProgressRelay(hz.getTopic(LocalNode.PROGRESS), listener, order.limit())) {
        String queryId = relay.queryId();
        // Entered before the directory is read, so that no shard's old holder deletes its copy
        // while this query may still ask it (see RunningQueries).
        running.begin(queryId, node.address(), order.timeoutMillis());
        try {
          Map<String, String> holders = Map.copyOf(node.directory());
          Map<Member, Future<String>> futures = new LinkedHashMap<>();
          executor.submitToAllMembers(
                  new Tasks.Query(
                      order, queryId, new Assignment(holders, live()), deadline.left()))
              .forEach((member, f) -> futures.put(member, plain(f)));
          List<MemberAnswer> answers = new ArrayList<>();
          Set<String> lost = new TreeSet<>();
          replies(futures, cancel, queryId, spec.timeout())
              .forEach(
                  (member, json) -> {
                    if (json.isPresent()) {
                      answers.add(ClusterJson.read(json.get(), MemberAnswer.class));
                    } else {
                      lost.add(Members.address(member));
                    }
                  });
          if (answers.isEmpty()) {
            throw new ApiException(503, "unavailable", "no member of the cluster answered");
          }
          TreeSet<String> unavailable = new TreeSet<>(unavailable(holders));
          holders.forEach((shard, holder) -> {
            if (lost.contains(holder)) {
              unavailable.add(shard);
            }
          });
          return QueryMerge.merge(
              answers, spec.offset(), spec.limit(), List.copyOf(unavailable),
              deadline.elapsedMillis());
        } finally {
          running.end(queryId);
        }
      }
    };
  }

  /**
   * Each member's answer to its part of a query, empty for a member that left. While it waits it
   * watches the caller's token: once the runner cancels it (the budget is spent) the query is
   * cancelled on every member, and each answers with what it has, as one machine's checks do.
   * When the runner gives up on the caller's thread and interrupts it (the client went away, or
   * the query ran past its grace), the query is cancelled on every member too, and the thread
   * waits up to {@link #STOPPING} for them to stop before it gives up: until the members' workers
   * are free, this worker counts as busy with the query.
   */
  private Map<Member, Optional<String>> replies(
      Map<Member, Future<String>> futures, Cancellation cancel, String queryId, Duration budget) {
    Map<Member, Optional<String>> out = new LinkedHashMap<>();
    boolean told = false;
    for (Map.Entry<Member, Future<String>> e : futures.entrySet()) {
      while (!out.containsKey(e.getKey())) {
        if (!told && cancel.isCancelled()) {
          cancelEverywhere(queryId, budget);
          told = true;
        }
        try {
          out.put(e.getKey(), answerWithin(e.getValue(), POLL));
        } catch (TimeoutException stillRunning) {
          // look at the token again
        } catch (InterruptedException interrupted) {
          cancelEverywhere(queryId, budget);
          awaitStopped(futures.values());
          Thread.currentThread().interrupt();
          throw new IllegalStateException(
              "the query was given up on; every member was told to stop it", interrupted);
        }
      }
    }
    return out;
  }

  /**
   * The member's answer as a JDK future: a Hazelcast future's timed wait neither ends at its
   * timeout on a fork-join thread nor throws when its thread is interrupted, and the caller of a
   * query needs both to look at its token and to hear that it was given up on.
   */
  private static Future<String> plain(Future<String> hazelcast) {
    if (!(hazelcast instanceof CompletionStage<?> stage)) {
      throw new IllegalStateException(
          "expected Hazelcast's executor to answer with a CompletionStage, not "
              + hazelcast.getClass().getName());
    }
    CompletableFuture<String> plain = new CompletableFuture<>();
    stage.whenComplete(
        (answer, failure) -> {
          if (failure == null) {
            plain.complete((String) answer);
          } else {
            plain.completeExceptionally(cause(failure));
          }
        });
    return plain;
  }

  /** The member's own failure, out of the wrappers a completion stage may put around it. */
  private static Throwable cause(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void cancelEverywhere(String queryId, Duration budget) {
    // A member's part may not have started yet: the mark waits for it longer than its budget.
    node.cancels().cancel(queryId, node.address(), budget.plus(STOPPING).multipliedBy(2));
  }

  /** Waits, however often interrupted, until each member stopped or {@link #STOPPING} passed. */
  private static void awaitStopped(Collection<Future<String>> futures) {
    long until = System.nanoTime() + STOPPING.toNanos();
    for (Future<String> f : futures) {
      while (!f.isDone() && System.nanoTime() < until) {
        try {
          f.get(until - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException again) {
          // the interrupt is restored by the caller once the members stopped
        } catch (ExecutionException | TimeoutException | CancellationException ended) {
          // a member that failed or left has stopped too; one past the wait is given up on
        }
      }
    }
  }

  @Override
  public Prepared<CheckAnswer> prepareCheck(CheckSpec spec) {
    return switch (spec.process()) {
      case CheckSpec.Inline inline -> node.database().prepareCheck(spec);
      case CheckSpec.Stored stored -> {
        // The type is parsed first, as for an inline process; then the process is fetched.
        yield (cancel, deadline) -> {
          node.database().parseType(spec.type());
          return node.database().prepareCheck(inline(stored, spec)).run(cancel, deadline);
        };
      }
    };
  }

  /** A check of a stored process as a check of its source, on whichever member holds it. */
  private CheckSpec inline(CheckSpec.Stored stored, CheckSpec spec) {
    StoredProcess p =
        get(stored.id())
            .orElseThrow(() -> ApiException.notFound("no process with id '" + stored.id() + "'"));
    NewProcess as = Migration.upload(p);
    return new CheckSpec(
        new CheckSpec.Inline(as.format(), as.semantics(), as.overrides(), as.source()),
        spec.type(), spec.timeout(), spec.calls(), spec.withGenesis());
  }

  @Override
  public List<NamedType> types() {
    return node.database().types();
  }

  @Override
  public TypeForms parseType(String type) {
    return node.database().parseType(type);
  }

  @Override
  public void close() {
    onClose.run();
  }

  /** Each live member's answer to the task; a member that left meanwhile answers nothing. */
  private <T> Map<Member, T> everyMember(MemberTask<T> task) {
    Map<Member, T> out = new LinkedHashMap<>();
    executor.submitToAllMembers(task).forEach((m, f) -> answerOf(f).ifPresent(v -> out.put(m, v)));
    return out;
  }

  /** The task's answer, empty when its member left the cluster before answering. */
  private static <T> Optional<T> answerOf(Future<T> future) {
    try {
      return Optional.ofNullable(future.get());
    } catch (ExecutionException e) {
      return ifLeft(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a member", e);
    }
  }

  /** The task's answer if it comes within {@code wait}, empty when its member left. */
  private static <T> Optional<T> answerWithin(Future<T> future, Duration wait)
      throws TimeoutException, InterruptedException {
    try {
      return Optional.ofNullable(future.get(wait.toNanos(), TimeUnit.NANOSECONDS));
    } catch (ExecutionException e) {
      return ifLeft(e);
    }
  }

  /** Nothing when the task failed because its member left; else the member's failure, thrown. */
  private static <T> Optional<T> ifLeft(ExecutionException e) {
    if (e.getCause() instanceof MemberLeftException
        || e.getCause() instanceof TargetNotMemberException) {
      return Optional.empty();
    }
    throw rethrown(e);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw rethrown(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a member", e);
    }
  }

  /** A member's failure as the API maps it: its own exception (a parse error stays a 400). */
  private static RuntimeException rethrown(ExecutionException e) {
    return e.getCause() instanceof RuntimeException re
        ? re
        : new IllegalStateException("a member failed: " + e.getCause(), e.getCause());
  }

  private static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
