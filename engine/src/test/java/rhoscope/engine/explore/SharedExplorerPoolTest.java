package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Program;
import rhoscope.engine.Programs;

class SharedExplorerPoolTest {
  @Test
  void runsOnASharedPoolMakeNoThreadsOfTheirOwnAndLeaveThePoolOpen() {
    ForkJoinPool shared = new ForkJoinPool(2);
    try {
      Program program = Programs.load(Programs.philosophers(6));
      Set<Thread> threads = ConcurrentHashMap.newKeySet();
      Thread caller = Thread.currentThread();
      ExploreOptions o = ExploreOptions.defaults().withWorkers(2).withPool(shared)
          .withStopWhen(s -> {
            threads.add(Thread.currentThread());
            return false;
          });
      for (int run = 0; run < 20; run++) {
        ExploreResult r = Explorer.explore(program, o);
        assertThat(r.distinctStates()).isEqualTo(729);
      }
      assertThat(shared.isShutdown()).isFalse();
      // A pool per run would have made fresh threads for each of the 20 runs.
      assertThat(threads).hasSizeLessThan(20);
      // Every state was looked at by the caller or a worker of the shared pool, never by a
      // thread of a pool the explorer made for itself.
      assertThat(threads).allSatisfy(t -> assertThat(
          t == caller || t instanceof ForkJoinWorkerThread w && w.getPool() == shared).isTrue());
    } finally {
      shared.shutdownNow();
    }
  }
}
