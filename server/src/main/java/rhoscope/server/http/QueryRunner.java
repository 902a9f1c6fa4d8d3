package rhoscope.server.http;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import rhoscope.engine.Cancellation;
import rhoscope.server.wire.ApiException;

/**
 * Runs queries, checks, type parses and the analysis of uploads on a bounded pool, away from the
 * request threads, so that no input, however long it takes to parse, expand or check, can starve
 * the routes that do not (health, listings, the page). A full queue answers 503 at once. A task's
 * budget counts from its request's arrival ({@link Deadline}), and the checker is given what is
 * left of it. Work still running a little past its budget ({@link #stopAt}) is asked to stop (its
 * {@link Cancellation} token cancelled) and given the rest of a grace to answer with what it has:
 * a query's partial answer, a check's unknown. Work that has not answered by the end of the grace
 * answers 408 and is cancelled: its thread interrupted when running (a parse stops at its next
 * token), taken out of the queue when it never started. Work that heeds neither keeps its worker
 * ("overdue"); while every worker is overdue, new work is refused with 503 at once rather than
 * queued behind it, and work that waited its whole budget in the queue without starting is 503
 * too, never a 408 for work that never ran.
 */
final class QueryRunner implements AutoCloseable {
  private final int workers;
  private final ThreadPoolExecutor pool;
  /** Cancelled jobs whose threads have not returned yet. */
  private final AtomicInteger overdue = new AtomicInteger();

  QueryRunner(int workers, int queued) {
    this.workers = workers;
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

  /** A submitted task: its future, its token, whether it started, and how to give up on it. */
  final class Job<T> implements Callable<T> {
    private final Prepared<T> task;
    private final Deadline deadline;
    private final Cancellation cancel = Cancellation.create();
    private final CountDownLatch started = new CountDownLatch(1);
    private Future<T> future;
    private boolean running;
    private boolean abandoned;

    private Job(Prepared<T> task, Deadline deadline) {
      this.task = task;
      this.deadline = deadline;
    }

    @Override
    public T call() throws Exception {
      synchronized (this) {
        if (abandoned) {
          throw new CancellationException("abandoned before it started");
        }
        running = true;
      }
      started.countDown();
      try {
        return task.run(cancel, deadline);
      } finally {
        synchronized (this) {
          running = false;
          if (abandoned) {
            overdue.decrementAndGet();
          }
        }
      }
    }

    Future<T> future() {
      return future;
    }

    /** Waits for the task to start; false when it is still queued at {@code untilNanos}. */
    boolean awaitStart(long untilNanos) throws InterruptedException {
      return started.await(untilNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    boolean started() {
      return started.getCount() == 0;
    }

    /** Asks the task to stop and answer with what it has: its token cancelled, nothing more. */
    void stop() {
      cancel.cancel();
    }

    /**
     * Gives up on the task: out of the queue if it is waiting; its token cancelled and its thread
     * interrupted if it runs. Until a running task returns, its worker counts as overdue.
     */
    void cancel() {
      synchronized (this) {
        if (abandoned) {
          return;
        }
        abandoned = true;
        if (running) {
          overdue.incrementAndGet();
        }
      }
      cancel.cancel();
      future.cancel(true);
      pool.remove((Runnable) future);
    }
  }

  /**
   * Runs the task within its deadline: its answer by then, or once the budget is spent the answer
   * it gives when asked to stop, within the grace; else throws the 408/503 {@link ApiException}
   * that names {@code what} ran past its budget.
   */
  <T> T run(String what, Prepared<T> task, Deadline deadline) {
    Job<T> job = submit(task, deadline);
    long spent = deadline.after(stopAt(deadline.budget()));
    long limit = deadline.after(hardLimit(deadline.budget()));
    try {
      if (!job.awaitStart(limit)) {
        job.cancel();
        if (!job.started()) {
          throw busy(
              "no query worker became free within " + hardLimit(deadline.budget()).toMillis()
                  + " ms");
        }
      }
      try {
        return job.future().get(spent - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException pastBudget) {
        job.stop();
        return job.future().get(limit - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException | CancellationException e) {
      job.cancel();
      throw timedOut(what, deadline.budget());
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      job.cancel();
      Thread.currentThread().interrupt();
      throw new ApiException(503, "unavailable", "the server is stopping");
    }
  }

  <T> Job<T> submit(Prepared<T> task, Deadline deadline) {
    if (overdue.get() >= workers) {
      throw busy(
          "every query worker is still stopping a query that ran past its budget");
    }
    Job<T> job = new Job<>(task, deadline);
    try {
      job.future = pool.submit(job);
    } catch (RejectedExecutionException e) {
      throw busy("too many queries are running or waiting");
    }
    return job;
  }

  private static ApiException busy(String why) {
    return new ApiException(503, "busy", why + "; try again shortly");
  }

  /**
   * The checker bounds itself by the budget; the grace after it lets work answer with what it
   * has: a tenth of the budget, so that a request ends within 10% of its budget, but at least a
   * second, the time a loaded machine may take to write a partial answer.
   */
  private static Duration grace(Duration budget) {
    return Duration.ofMillis(Math.max(1000, budget.toMillis() / 10));
  }

  /**
   * When work still running is asked to stop: half the grace after the budget, so that work that
   * bounds itself by the time it was given stops on its own first and says its time ran out; the
   * token is for work that does not.
   */
  static Duration stopAt(Duration budget) {
    return budget.plus(grace(budget).dividedBy(2));
  }

  /** When work that has not answered is given up on: the grace after the budget. */
  static Duration hardLimit(Duration budget) {
    return budget.plus(grace(budget));
  }

  static ApiException timedOut(String what, Duration budget) {
    return new ApiException(
        408, "query_timeout", "the " + what + " ran past its budget of " + budget.toMillis() + " ms");
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

  /** Workers still busy with a query that was cancelled past its budget. */
  int overdue() {
    return overdue.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
