package rhoscope.server.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.http.QueryListener;
import rhoscope.server.http.QuerySpec;
import rhoscope.server.wire.MemberHealth;
import rhoscope.server.wire.QueryAnswer;

/**
 * {@code rhoscope bench --only cluster}: query throughput of a cluster of 1, 2 and 3 members on
 * this machine over one database. The database is the shipped contracts copied under names in
 * distinct namespaces ({@code c7_escrow_double_payout.rho}), their sources unchanged so that the
 * queries find the same matches in every copy, indexed on the
 * first member; the second and third members then join and the shards they now own move to them.
 * Each query runs with every member's verdict cache cleared, so each run checks again.
 *
 * <p>The answers at 1, 2 and 3 members must be the same, match for match: so each query asks for
 * every match, and its checks are bounded by states only (the members' state bound), under a
 * budget so long that no check's share of it runs out. A time bound would make an unknown verdict,
 * or a candidate left unfinished, depend on how loaded the machine is and on how many candidates
 * a member shares its time among (a third of them at 3 members), not on the processes.
 */
public final class ClusterBenchmark {
  private static final Duration SETTLE = Duration.ofMinutes(30);
  /** Long enough that every check ends by its state bound or its answer, never by the time. */
  static final Duration BUDGET = Duration.ofHours(24);

  /**
   * @param datasets the shipped {@code datasets/} folder
   * @param workDir a fresh folder for the corpus and the members' databases
   * @param processes how many processes the database holds at least
   * @param rounds how many times each query runs at each cluster size
   */
  public record Options(
      Path datasets, Path workDir, int processes, int rounds, List<String> queries) {
    public Options {
      Objects.requireNonNull(datasets, "datasets");
      Objects.requireNonNull(workDir, "workDir");
      queries = List.copyOf(queries);
      if (processes < 1 || rounds < 1 || queries.isEmpty()) {
        throw new IllegalArgumentException("processes, rounds and queries must be positive");
      }
    }
  }

  private ClusterBenchmark() {}

  public static void run(PrintStream out, Options o) {
    Path corpus = o.workDir().resolve("corpus").resolve("bench");
    int written = writeCorpus(o.datasets().resolve("contracts"), corpus, o.processes());
    out.printf("cluster benchmark: %d processes (copies of the contracts in distinct namespaces)%n", written);
    List<Integer> ports = List.of(freePort(), freePort(), freePort());
    List<String> addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    List<ClusterMember> members = new ArrayList<>();
    List<ProcessDatabase> databases = new ArrayList<>();
    Map<String, List<String>> firstAnswers = new HashMap<>();
    List<String> differing = new ArrayList<>();
    try {
      for (int size = 1; size <= 3; size++) {
        ProcessDatabase db = ProcessDatabase.open(o.workDir().resolve("member" + size));
        databases.add(db);
        DatabaseService local = new DatabaseService(db);
        ClusterMember m =
            ClusterMember.start(
                new ClusterOptions(
                    "rhoscope-bench-" + ports.get(0), "127.0.0.1", ports.get(size - 1), addresses,
                    ClusterOptions.DEFAULT_PARTITIONS, ClusterOptions.ONE_MACHINE),
                local);
        members.add(m);
        long start = System.nanoTime();
        if (size == 1) {
          local.index(corpus.getParent());
          m.rebalance();
        }
        awaitSettled(members, size);
        out.printf(
            "%d member%s: %s in %d ms%n", size, size == 1 ? "" : "s",
            size == 1 ? "indexed" : "rebalanced", (System.nanoTime() - start) / 1_000_000);
        for (MemberHealth h : members.get(0).service().cluster().orElseThrow().members()) {
          out.printf("  %s owns %d processes in %d shards%n", h.address(), h.processes(), h.shards().size());
        }
        differing.addAll(measure(out, o, written, members.get(0), databases, firstAnswers));
      }
    } finally {
      for (int i = members.size() - 1; i >= 0; i--) {
        members.get(i).close();
      }
    }
    out.printf(
        "answers at 1, 2 and 3 members identical: %s%n",
        differing.isEmpty() ? "yes" : "NO (" + String.join("; ", differing) + ")");
    if (!differing.isEmpty()) {
      throw new IllegalStateException(
          "the cluster's answers depend on its size: " + String.join("; ", differing));
    }
  }

  /**
   * Runs each query {@code rounds} times and prints its time, its matches and whether they are
   * those of one member; answers which queries' matches differ from one member's.
   */
  private static List<String> measure(
      PrintStream out, Options o, int processes, ClusterMember caller,
      List<ProcessDatabase> databases, Map<String, List<String>> firstAnswers) {
    long totalNanos = 0;
    int runs = 0;
    List<String> differing = new ArrayList<>();
    int size = databases.size();
    for (String q : o.queries()) {
      QuerySpec spec = new QuerySpec(q, ProcessFilter.NONE, 0, processes, BUDGET);
      long nanos = 0;
      QueryAnswer last = null;
      for (int r = 0; r < o.rounds(); r++) {
        databases.forEach(ProcessDatabase::clearCaches);
        long t = System.nanoTime();
        last = caller.service().query(spec, QueryListener.NONE);
        nanos += System.nanoTime() - t;
      }
      totalNanos += nanos;
      runs += o.rounds();
      if (last.partial()) {
        throw new IllegalStateException(
            "'" + q + "' at " + size + " members left candidates unfinished or shards unavailable"
                + " (" + last.unfinished() + ", " + last.unavailable() + "): its answer would"
                + " not be comparable");
      }
      List<String> matches = matches(last);
      List<String> first = firstAnswers.putIfAbsent(q, matches);
      String same = first == null ? "" : first.equals(matches) ? "  same as 1 member" : "  DIFFERS";
      if (first != null && !first.equals(matches)) {
        differing.add(
            "'" + q + "' at " + size + " members: " + matches.size() + " matches, "
                + first.size() + " at 1 member");
      }
      out.printf(
          "  %-62s %7.1f ms/query  %5d matches (%d unknown)%s%n", q, nanos / 1e6 / o.rounds(),
          last.total(), last.stats().unknown(), same);
    }
    out.printf("  throughput: %.2f queries/s%n", runs / (totalNanos / 1e9));
    return differing;
  }

  /**
   * Every match as dataset, name and verdict, sorted: ids name a member's catalog, so they change
   * as shards move.
   */
  private static List<String> matches(QueryAnswer a) {
    if (a.matches().size() != a.total()) {
      throw new IllegalStateException(
          "asked for every match but got " + a.matches().size() + " of " + a.total());
    }
    return a.matches().stream()
        .map(m -> m.dataset() + "/" + m.name() + " " + m.verdict())
        .sorted()
        .toList();
  }

  private static void awaitSettled(List<ClusterMember> members, int size) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (!members.stream().allMatch(m -> m.size() == size && m.settled())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cluster of " + size + " did not settle in " + SETTLE);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the cluster settled", e);
      }
    }
  }

  /** Copies of the shipped contracts, copy {@code k} in namespace {@code ck}, until the target. */
  static int writeCorpus(Path contracts, Path out, int target) {
    List<Path> shipped;
    try (Stream<Path> files = Files.list(contracts)) {
      shipped = files.filter(f -> f.toString().endsWith(".rho")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contracts in " + contracts, e);
    }
    if (shipped.isEmpty()) {
      throw new IllegalArgumentException("no .rho contracts in " + contracts);
    }
    int written = 0;
    try {
      Files.createDirectories(out);
      for (int k = 1; written < target; k++) {
        for (Path p : shipped) {
          if (written >= target) {
            break;
          }
          String source = Files.readString(p, StandardCharsets.UTF_8);
          Files.writeString(
              out.resolve("c" + k + "_" + p.getFileName()), source, StandardCharsets.UTF_8);
          written++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark corpus in " + out, e);
    }
    return written;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }
}
