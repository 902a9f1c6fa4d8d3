package rhoscope.engine.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import rhoscope.engine.Program;
import rhoscope.engine.internal.ProgramAccess;
import rhoscope.engine.Trace;
import rhoscope.engine.explore.por.Reducer;
import rhoscope.engine.reduce.Expander;
import rhoscope.engine.reduce.Machine;

/**
 * Level-synchronous parallel breadth-first search (TLC's model): the states of one depth
 * are split among ForkJoin workers (work stealing over range halves), every worker puts
 * successor fingerprints into one lock-free {@link ConcurrentFingerprintSet}, and only the
 * new states form the next level. Levels make depths exact and counts independent of the
 * number of workers; the barrier between them is where the set grows.
 */
final class ParallelExplorer {
  private static final int GRAIN = 64;

  private record Node(int[] ids, long fp) {}

  private final Program program;
  private final ProgramAccess.Bridge access = ProgramAccess.get();
  private final ExploreOptions options;
  private final Machine machine;
  private final Bounds bounds;
  private final ConcurrentFingerprintSet seen;
  private final ThreadLocal<Expander> expanders;
  private final Reducer reducer;
  private final AtomicLong distinct = new AtomicLong(1);
  private final LongAdder transitions = new LongAdder();
  private final LongAdder deadlocked = new LongAdder();
  private final LongAdder terminal = new LongAdder();
  private final AtomicReference<StopReason> stop = new AtomicReference<>();
  private final AtomicReference<Long> found = new AtomicReference<>();
  private volatile boolean halt;
  private volatile boolean depthCut;
  private volatile boolean statesCut;
  /** New states per expanded state at the last level, rounded up: sizes the output lists. */
  private volatile int growth = 2;

  ParallelExplorer(Program program, ExploreOptions options) {
    this.program = program;
    this.options = options;
    this.machine = access.machine(program);
    this.bounds = new Bounds(options);
    this.seen = new ConcurrentFingerprintSet(1 << 12);
    this.expanders = ThreadLocal.withInitial(machine::expander);
    this.reducer = Reducer.of(options.reduction(), program);
  }

  ExploreResult run() {
    int[] init = machine.initial();
    long initFp = machine.fingerprint(init);
    seen.put(initFp, initFp);
    List<Node> level = List.of(new Node(init, initFp));
    int depth = 0;
    int maxDepth = 0;
    long lastNew = 1;
    // a shared pool belongs to its owner; only a pool made for this run is shut down after it
    ForkJoinPool pool = options.pool().orElseGet(() -> new ForkJoinPool(options.workers()));
    try {
      // a worker's OutOfMemoryError is caught in the worker; one at the barrier here
      while (!level.isEmpty() && !halt) {
        // cancellation and time before each level (tick 1: memory is polled at the barrier)
        StopReason before = bounds.check(1);
        if (before != null) {
          stop.compareAndSet(null, before);
          break;
        }
        growFor(level.size(), lastNew);
        boolean expand = depth < options.maxDepth();
        List<Node> next = pool.invoke(new Level(level, 0, level.size(), expand));
        if (!next.isEmpty()) {
          maxDepth = depth + 1;
        }
        growth = Math.min(64, 1 + next.size() / Math.max(1, level.size()));
        lastNew = Math.max(1, next.size());
        level = next;
        depth++;
        StopReason bound = bounds.check(0);
        if (bound != null) {
          stop.compareAndSet(null, bound);
          halt = true;
        }
      }
    } catch (OutOfMemoryError e) {
      level = null;
      outOfMemory();
    } finally {
      if (options.pool().isEmpty()) {
        pool.shutdownNow();
      }
    }
    StopReason reason = stop.get();
    if (reason == null) {
      reason = seen.overflowed() ? StopReason.MEMORY
          : statesCut ? StopReason.MAX_STATES
          : depthCut ? StopReason.MAX_DEPTH
          : StopReason.COMPLETE;
    }
    Optional<Trace> witness = Optional.ofNullable(found.get())
        .map(fp -> Witnesses.rebuild(program, seen, fp));
    return new ExploreResult(Math.min(distinct.get(), options.maxStates()), transitions.sum(),
        deadlocked.sum(), terminal.sum(), maxDepth, reason == StopReason.COMPLETE, reason,
        bounds.millis(), witness, Optional.empty());
  }

  /**
   * The last line of defence when the bounds did not stop the run in time: the frontier is
   * dropped (the level lists become garbage as the tasks unwind) and the run ends as MEMORY.
   */
  private void outOfMemory() {
    stop.compareAndSet(null, StopReason.MEMORY);
    halt = true;
    machine.dropCaches();
  }

  /** Grows the set at the barrier so the next level fits, if the heap allows it. */
  private void growFor(int levelSize, long lastNew) {
    long expected = distinct.get() + Math.max(8L * levelSize, 4 * lastNew);
    // saturating: maxStates may be Long.MAX_VALUE (no bound), and a wrapped sum would be
    // negative, so the set would never grow and the run would end as MEMORY
    expected = Math.min(expected, options.maxStates() > Long.MAX_VALUE - 1024
        ? Long.MAX_VALUE : options.maxStates() + 1024);
    if (seen.roomFor(expected)) {
      return;
    }
    if (bounds.hasRoom(32 * expected)) {
      seen.grow(expected);
    }
  }

  private final class Level extends RecursiveTask<List<Node>> {
    private final List<Node> level;
    private final int lo;
    private final int hi;
    private final boolean expand;

    Level(List<Node> level, int lo, int hi, boolean expand) {
      this.level = level;
      this.lo = lo;
      this.hi = hi;
      this.expand = expand;
    }

    @Override
    protected List<Node> compute() {
      if (hi - lo > GRAIN) {
        int mid = (lo + hi) >>> 1;
        Level right = new Level(level, mid, hi, expand);
        right.fork();
        List<Node> left = new Level(level, lo, mid, expand).compute();
        List<Node> r = right.join();
        if (left.size() < r.size()) {
          r.addAll(left);
          return r;
        }
        left.addAll(r);
        return left;
      }
      try {
        return expandRange();
      } catch (OutOfMemoryError e) {
        outOfMemory();
        return new ArrayList<>(0);
      }
    }

    private List<Node> expandRange() {
      // presized from the last level's growth, so adding rarely copies
      List<Node> out = new ArrayList<>(Math.max(16, growth * (hi - lo)));
      Expander ex = expanders.get();
      Sink sink = new Sink(out, expand);
      long edges = 0;
      for (int i = lo; i < hi && !halt; i++) {
        Node node = level.get(i);
        sink.parent = node.fp();
        int n = reducer.expand(ex, node.ids(), node.fp(), sink);
        edges += n;
        if (sink.tooLarge) {
          // a successor cannot be represented: end the run as incomplete (not stuck)
          stop.compareAndSet(null, StopReason.VALUE_TOO_LARGE);
          halt = true;
          break;
        }
        if (n == 0) {
          if (machine.waitsLinearly(node.ids())) {
            deadlocked.increment();
          } else {
            terminal.increment();
          }
        } else if (!expand) {
          depthCut = true;
        }
        if (options.stopWhen().isPresent()
            && options.stopWhen().get().test(access.view(program, node.ids(), node.fp(), n))) {
          if (found.compareAndSet(null, node.fp())) {
            stop.compareAndSet(null, StopReason.STOP_PREDICATE);
          }
          halt = true;
        }
        if ((i & 255) == 0) {
          StopReason bound = bounds.check(0);
          if (bound != null) {
            stop.compareAndSet(null, bound);
            halt = true;
          }
        }
      }
      transitions.add(edges);
      return out;
    }
  }

  private final class Sink implements Expander.Sink {
    private final List<Node> out;
    private final boolean expand;
    long parent;
    boolean tooLarge;
    private long pending;
    /** Sink for the prefetch reads, so the JIT keeps them. */
    long noise;

    Sink(List<Node> out, boolean expand) {
      this.out = out;
      this.expand = expand;
    }

    @Override
    public void prefetch(long[] fps, int n) {
      if (expand) {
        noise += seen.touch(fps, n);
      }
    }

    @Override
    public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
      if (!expand || !seen.put(fp, parent)) {
        return false;
      }
      if (distinct.incrementAndGet() > options.maxStates()) {
        statesCut = true;
        return false;
      }
      pending = fp;
      return true;
    }

    @Override
    public void state(int[] next) {
      out.add(new Node(next, pending));
    }

    @Override
    public void tooLarge(int recv, int branch, int[] sends, int n) {
      tooLarge = true;
    }
  }
}
