package rhoscope.indexer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.Environment;
import rhoscope.engine.open.OpenSystem;
import rhoscope.indexer.catalog.ProcessFormat;

/**
 * A query: a type compiled into its {@link CheckPlan}, optional filters, and how to run it. The
 * plan is made once, where the type enters (parse errors surface there), and serves both the
 * index's pruning and every candidate's check.
 *
 * @param plan the compiled type
 * @param dataset only processes of this dataset
 * @param format only processes of this format
 * @param text only processes whose names and comments match this free text (Lucene syntax)
 * @param namePattern only processes whose name matches this glob ({@code *}, {@code ?}),
 *     case-insensitively
 * @param limit the most results returned (statistics count all)
 * @param usePlanner prune with the index (off: check every process in scope, for comparison)
 * @param useCache reuse and store cached verdicts
 * @param budget time and state bounds of each process's check
 * @param open closed, or beside a most-general client making up to {@code open.calls()} calls;
 *     an open query checks every process in scope (the index's features describe the closed
 *     process) and caches its verdicts apart from closed ones
 * @param environment what each process runs on ({@link Environment#none()}, or RChain's genesis):
 *     likewise checked without pruning and cached apart
 * @param totalTime the whole query's time, when it has one: each candidate's check then gets a
 *     share of what is left (at most the budget's time), and the candidates not started when it
 *     runs out are answered unknown, the answer marked partial
 */
public record QueryRequest(
    CheckPlan plan,
    Optional<String> dataset,
    Optional<ProcessFormat> format,
    Optional<String> text,
    Optional<String> namePattern,
    int limit,
    boolean usePlanner,
    boolean useCache,
    Budget budget,
    OpenSystem open,
    Environment environment,
    Optional<Duration> totalTime) {
  public QueryRequest {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(namePattern, "namePattern");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(totalTime, "totalTime");
    if (totalTime.isPresent() && !totalTime.get().isPositive()) {
      throw new IllegalArgumentException("totalTime must be positive: " + totalTime.get());
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }

  /** Bounds of one process's check. */
  public record Budget(long maxStates, Duration timeout) {
    public Budget {
      Objects.requireNonNull(timeout, "timeout");
      if (maxStates < 1) {
        throw new IllegalArgumentException("maxStates must be positive: " + maxStates);
      }
    }

    /** 200,000 states or ten seconds per process. */
    public static Budget defaults() {
      return new Budget(200_000, Duration.ofSeconds(10));
    }
  }

  /**
   * The type alone, parsed now: no filters, 100 results, planner and cache on, default budget.
   *
   * @throws rhoscope.lang.diag.LangException when the type does not parse or cannot be checked
   */
  public static QueryRequest of(String type) {
    return of(CheckPlan.parse("query", type));
  }

  /** An already compiled type alone, with the defaults of {@link #of(String)}. */
  public static QueryRequest of(CheckPlan plan) {
    return new QueryRequest(
        plan,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        100,
        true,
        true,
        Budget.defaults(),
        OpenSystem.closed(),
        Environment.none(),
        Optional.empty());
  }

  /** The type as the user wrote it. */
  public String type() {
    return plan.text();
  }

  public QueryRequest withDataset(String d) {
    return new QueryRequest(
        plan, Optional.of(d), format, text, namePattern, limit,
        usePlanner, useCache, budget, open, environment,
        totalTime);
  }

  public QueryRequest withFormat(ProcessFormat f) {
    return new QueryRequest(
        plan, dataset, Optional.of(f), text, namePattern, limit,
        usePlanner, useCache, budget, open, environment,
        totalTime);
  }

  public QueryRequest withText(String t) {
    return new QueryRequest(
        plan, dataset, format, Optional.of(t), namePattern, limit,
        usePlanner, useCache, budget, open, environment,
        totalTime);
  }

  public QueryRequest withNamePattern(String p) {
    return new QueryRequest(
        plan, dataset, format, text, Optional.of(p), limit,
        usePlanner, useCache, budget, open, environment,
        totalTime);
  }

  public QueryRequest withLimit(int n) {
    return new QueryRequest(
        plan, dataset, format, text, namePattern, n, usePlanner, useCache, budget, open, environment,
        totalTime);
  }

  public QueryRequest withPlanner(boolean on) {
    return new QueryRequest(
        plan, dataset, format, text, namePattern, limit, on, useCache, budget, open, environment, totalTime);
  }

  public QueryRequest withCache(boolean on) {
    return new QueryRequest(
        plan, dataset, format, text, namePattern, limit, usePlanner, on, budget, open, environment,
        totalTime);
  }

  public QueryRequest withOpen(OpenSystem o) {
    return new QueryRequest(
        plan, dataset, format, text, namePattern, limit, usePlanner, useCache, budget, o, environment,
        totalTime);
  }

  /** The processes run on {@code e} (RChain's genesis, or nothing). */
  public QueryRequest withEnvironment(Environment e) {
    return new QueryRequest(
        plan, dataset, format, text, namePattern, limit, usePlanner, useCache, budget, open, e,
        totalTime);
  }

  /**
   * Whether the index may prune: only for a closed query, and only the processes whose features
   * were derived on the query's environment (without a genesis, those indexed alone; with one,
   * those indexed on it: see {@code ProcessDatabase#query}).
   */
  public boolean prunes() {
    return usePlanner && !open.isOpen();
  }

  /**
   * The verdict cache's key of the type under this request's {@link #open} setting and {@link
   * #environment}.
   */
  public String cacheKey() {
    String key = open.isOpen() ? plan.key() + " @" + open.key() : plan.key();
    return environment.hasGenesis() ? key + " @" + environment.key() : key;
  }

  /** The whole query within {@code d}: each candidate a share of it (see {@code totalTime}). */
  public QueryRequest withTotalTime(Duration d) {
    return new QueryRequest(
        plan, dataset, format, text, namePattern, limit, usePlanner, useCache, budget, open, environment,
        Optional.of(d));
  }

  public QueryRequest withBudget(Budget b) {
    return new QueryRequest(
        plan, dataset, format, text, namePattern, limit, usePlanner, useCache, b, open, environment, totalTime);
  }
}
