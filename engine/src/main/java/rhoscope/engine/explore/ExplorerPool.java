package rhoscope.engine.explore;

import java.util.concurrent.ForkJoinPool;

/**
 * The one pool the parallel explorer runs on when its options name none: made at first use,
 * its parallelism raised when a run asks for more workers than it has. A run submits one task
 * per worker it wants, so it uses that many threads whatever the pool's size; the threads
 * are daemons, so the pool never keeps the process alive.
 */
final class ExplorerPool {
  private static ForkJoinPool pool;

  private ExplorerPool() {}

  static synchronized ForkJoinPool forWorkers(int workers) {
    if (pool == null) {
      pool = new ForkJoinPool(Math.max(workers, Runtime.getRuntime().availableProcessors()));
    } else if (pool.getParallelism() < workers) {
      pool.setParallelism(workers);
    }
    return pool;
  }
}
