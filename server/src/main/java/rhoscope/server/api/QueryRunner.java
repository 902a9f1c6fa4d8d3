package rhoscope.server.api;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queries and checks on a bounded pool, away from the request threads, so that a long query
 * cannot starve the routes that do not check anything (health, listings, the page). A full queue
 * answers 503 at once; a query past its budget (plus a grace for the checker to report its
 * bound) answers 408 and is interrupted.
 */
final class QueryRunner implements AutoCloseable {
  private final ThreadPoolExecutor pool;

  QueryRunner(int workers, int queued) {
    AtomicInteger ids = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0L,
            TimeUnit.MILLISECONDS,
            // A SynchronousQueue when no waiting is allowed: ArrayBlockingQueue needs capacity 1+.
            queued == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queued),
            r -> {
              Thread t = new Thread(r, "rhoscope-query-" + ids.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs the task within the budget, or throws the 408/503 {@link ApiException}. */
  <T> T run(Callable<T> task, Duration budget) {
    Future<T> future = submit(task);
    try {
      return future.get(hardLimit(budget).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(budget);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiException(503, "unavailable", "the server is stopping");
    }
  }

  <T> Future<T> submit(Callable<T> task) {
    try {
      return pool.submit(task);
    } catch (RejectedExecutionException e) {
      throw new ApiException(
          503, "busy", "too many queries are running or waiting; try again shortly");
    }
  }

  /** The checker bounds itself by the budget; the grace lets it report "unknown" in time. */
  static Duration hardLimit(Duration budget) {
    return budget.plus(Duration.ofMillis(Math.max(1000, budget.toMillis() / 4)));
  }

  static ApiException timedOut(Duration budget) {
    return new ApiException(
        408, "query_timeout", "the query ran past its budget of " + budget.toMillis() + " ms");
  }

  static RuntimeException rethrow(Throwable cause) {
    return switch (cause) {
      case RuntimeException re -> re;
      case Error err -> throw err;
      default -> new IllegalStateException(cause);
    };
  }

  int running() {
    return pool.getActiveCount();
  }

  int queued() {
    return pool.getQueue().size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
