package rhoscope.engine.explore;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import rhoscope.engine.Program;
import rhoscope.engine.Trace;
import rhoscope.engine.explore.por.Reducer;
import rhoscope.engine.internal.ProgramAccess;
import rhoscope.engine.reduce.Expander;
import rhoscope.engine.reduce.Machine;

/**
 * Level-synchronous parallel breadth-first search (TLC's model). A level is a
 * {@link Frontier} of encoded states in pages; its workers (one task each on the shared
 * pool) take pages in turn, put successor fingerprints into one lock-free
 * {@link ConcurrentFingerprintSet}, and write only the new states into the next level. Levels
 * make depths exact and counts independent of the number of workers.
 *
 * <p>Memory is counted, not guessed: the visited set (8 bytes a slot, at most 3/4 full) plus
 * the frontier's pages, which spill to disk past their share of the budget. New states are
 * admitted in blocks granted from one counter; when the grants pass 3/4 of the set, the
 * workers pause at the next state, the set grows at that barrier (or the run ends as MEMORY
 * when the budget has no room for it) and the level resumes where it paused. With a stop
 * predicate, parents go to a {@link ParentLog} on disk for the witness.
 */
final class ParallelExplorer {
  /** New states a worker admits per grant from the shared counter. */
  private static final int GRANT = 128;
  /** Cancellation and time are read every this many states per worker. */
  private static final int CLOCK_EVERY = 32;

  /** Sizes that tests change to reach spilling and bounds deterministically. */
  record Tuning(long frontierBytes, int pageInts, int initialSlots, LongSupplier clock) {
    static final int PAGE_INTS = 1 << 14;

    /** A quarter of the memory bound, at most 64 MB, for the frontier's pages. */
    static Tuning of(ExploreOptions o) {
      return new Tuning(Math.min(o.maxMemoryBytes() / 4, 64L << 20), PAGE_INTS, 1 << 12,
          System::nanoTime);
    }
  }

  /** Part of a level's page still to expand, from record offset {@code from}. */
  private record Segment(Frontier.Page page, int from) {}

  private final Program program;
  private final ProgramAccess.Bridge access = ProgramAccess.get();
  private final ExploreOptions options;
  private final Machine machine;
  private final Bounds bounds;
  private final Supplier<Reducer> reducers;
  private final ConcurrentFingerprintSet seen;
  private final PageBudget budget;
  private final AtomicLong granted = new AtomicLong(1);
  private final AtomicReference<StopReason> stop = new AtomicReference<>();
  private final AtomicReference<Long> found = new AtomicReference<>();
  private final List<Worker> workers = new ArrayList<>();
  /**
   * Longs between two workers' quotas: 128 bytes, so that they share neither a cache line
   * nor the pair of lines that the adjacent-line prefetcher fetches together.
   */
  private static final int QUOTA_STRIDE = 16;
  /** Each worker's states left of its last grant, at {@link Worker#slot}. */
  private AtomicLongArray quotas;
  private ParentLog parents;
  private volatile boolean halt;
  /** Set when the grants pass the set's soft limit: workers stop at the next state. */
  private volatile boolean pause;
  private volatile boolean depthCut;
  private volatile boolean statesCut;
  private long peakAccounted;
  private long spilled;

  ParallelExplorer(Program program, ExploreOptions options) {
    this(program, options, Tuning.of(options));
  }

  ParallelExplorer(Program program, ExploreOptions options, Tuning tuning) {
    this.program = program;
    this.options = options;
    this.machine = access.machine(program);
    this.bounds = new Bounds(options, tuning.clock());
    this.seen = new ConcurrentFingerprintSet(tuning.initialSlots() / 4 * 3 - 1);
    this.budget = new PageBudget(tuning.pageInts(), tuning.frontierBytes());
    this.reducers = Reducer.of(options.reduction(), program, options.identity());
  }

  ExploreResult run() {
    try {
      return explore();
    } finally {
      if (parents != null) {
        parents.close();
      }
    }
  }

  private ExploreResult explore() {
    int[] init = machine.initial();
    long initFp = machine.identity(init, options.identity());
    seen.put(initFp);
    boolean witnesses = options.stopWhen().isPresent();
    if (witnesses) {
      parents = new ParentLog();
    }
    quotas = new AtomicLongArray(QUOTA_STRIDE * (options.workers() + 2));
    for (int i = 0; i < options.workers(); i++) {
      workers.add(new Worker());
    }
    Frontier level = new Frontier(budget);
    Frontier next = null;
    int maxDepth = 0;
    ForkJoinPool pool = options.pool().orElseGet(() -> ExplorerPool.forWorkers(options.workers()));
    try {
      Worker first = workers.get(0);
      first.writer.add(level, initFp, init, init.length);
      first.writer.seal(level);
      int depth = 0;
      // a worker's OutOfMemoryError is caught in the worker; one at a barrier here
      while (level.states() > 0 && !halt) {
        StopReason before = bounds.check(1);
        if (before == null) {
          before = overBudget();
        }
        if (before != null) {
          stop.compareAndSet(null, before);
          break;
        }
        next = new Frontier(budget);
        expandLevel(pool, level, next, depth < options.maxDepth());
        for (Worker w : workers) {
          w.writer.seal(next);
          if (witnesses) {
            w.trail.flush();
          }
        }
        spilled += next.spilled();
        level.close();
        level = next;
        next = null;
        if (level.states() > 0) {
          maxDepth = depth + 1;
        }
        depth++;
        StopReason bound = bounds.check(0);
        if (bound != null) {
          stop.compareAndSet(null, bound);
          halt = true;
        }
      }
    } catch (OutOfMemoryError e) {
      outOfMemory();
    } finally {
      level.close();
      if (next != null) {
        next.close();
      }
      for (Worker w : workers) {
        w.writer.release();
      }
    }
    StopReason reason = stop.get();
    if (reason == null) {
      reason = seen.overflowed() ? StopReason.MEMORY
          : statesCut ? StopReason.MAX_STATES
          : depthCut ? StopReason.MAX_DEPTH
          : StopReason.COMPLETE;
    }
    Optional<Trace> witness = Optional.empty();
    if (found.get() != null) {
      for (Worker w : workers) {
        w.trail.flush();
      }
      witness = Optional.of(Witnesses.rebuild(program, options.identity(), parents.path(initFp, found.get())));
    }
    long distinct = 1;
    long transitions = 0;
    long deadlocked = 0;
    long terminal = 0;
    for (Worker w : workers) {
      distinct += w.admitted;
      transitions += w.edges;
      deadlocked += w.deadlocked;
      terminal += w.terminal;
    }
    return new ExploreResult(distinct, transitions, deadlocked, terminal, maxDepth,
        reason == StopReason.COMPLETE, reason, bounds.millis(), witness, Optional.empty());
  }

  /** The most the visited set and the frontier's pages took together, at a barrier. */
  long peakAccountedBytes() {
    return peakAccounted;
  }

  /** States that went through the frontier's file. */
  long spilledStates() {
    return spilled;
  }

  /** MEMORY when the set and the frontier's pages take more than the memory bound. */
  private StopReason overBudget() {
    long accounted = seen.bytes() + budget.bytes();
    peakAccounted = Math.max(peakAccounted, accounted);
    return accounted > bounds.maxMemory() ? StopReason.MEMORY : null;
  }

  /**
   * Expands every state of {@code level} in rounds: a round ends when the pages run out, or
   * when the workers paused for the set to grow; then the rest of the level follows.
   */
  private void expandLevel(ForkJoinPool pool, Frontier level, Frontier next, boolean expand) {
    List<Segment> work = new ArrayList<>();
    for (Frontier.Page p : level.pages()) {
      work.add(new Segment(p, 0));
    }
    while (!work.isEmpty() && !halt) {
      Round round = new Round(work, level, next, expand);
      pool.invoke(round);
      work = round.rest();
      if (pause && !halt) {
        grow(pool);
      }
    }
  }

  /** At a barrier: room for twice the states granted, or MEMORY if the budget has none. */
  private void grow(ForkJoinPool pool) {
    long want = Math.min(2 * granted.get(), saturatedAdd(options.maxStates(),
        (long) GRANT * workers.size() + 1024));
    long bytes = ConcurrentFingerprintSet.bytesFor(want);
    if (bytes + budget.bytes() > bounds.maxMemory() || !bounds.hasRoom(bytes)) {
      peakAccounted = Math.max(peakAccounted, seen.bytes() + budget.bytes());
      stop.compareAndSet(null, StopReason.MEMORY);
      halt = true;
      return;
    }
    seen.grow(want, pool, workers.size());
    peakAccounted = Math.max(peakAccounted, seen.bytes() + budget.bytes());
    if (granted.get() >= seen.softLimit()) {
      // the table is as big as an array gets
      stop.compareAndSet(null, StopReason.MEMORY);
      halt = true;
      return;
    }
    pause = false;
  }

  /** One state of the quota at {@code slot}, if it has any left. */
  private boolean takeQuota(int slot) {
    long q = quotas.get(slot);
    while (q > 0) {
      long seenQ = quotas.compareAndExchange(slot, q, q - 1);
      if (seenQ == q) {
        return true;
      }
      q = seenQ;
    }
    return false;
  }

  private static long saturatedAdd(long a, long b) {
    return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
  }

  /**
   * The last line of defence when the bounds did not stop the run in time: the run ends as
   * MEMORY and the COMM memo is dropped (the frontier's pages go when the levels close).
   */
  private void outOfMemory() {
    stop.compareAndSet(null, StopReason.MEMORY);
    halt = true;
    machine.dropCaches();
  }

  /** One round over a level's segments: a task per worker, each taking segments in turn. */
  private final class Round extends RecursiveAction {
    private final List<Segment> work;
    private final Frontier level;
    private final Frontier next;
    private final boolean expand;
    private final AtomicInteger cursor = new AtomicInteger();
    private final ConcurrentLinkedQueue<Segment> left = new ConcurrentLinkedQueue<>();

    Round(List<Segment> work, Frontier level, Frontier next, boolean expand) {
      this.work = work;
      this.level = level;
      this.next = next;
      this.expand = expand;
    }

    @Override
    protected void compute() {
      List<ForkJoinTask<?>> tasks = new ArrayList<>(workers.size());
      for (Worker w : workers) {
        tasks.add(ForkJoinTask.adapt(() -> drain(w)));
      }
      ForkJoinTask.invokeAll(tasks);
    }

    private void drain(Worker w) {
      try {
        while (!halt && !pause) {
          int i = cursor.getAndIncrement();
          if (i >= work.size()) {
            return;
          }
          Segment rest = w.expandSegment(work.get(i), level, next, expand);
          if (rest != null) {
            left.add(rest);
            return;
          }
        }
      } catch (OutOfMemoryError e) {
        outOfMemory();
      }
    }

    /** What the round left: segments paused in the middle, then those nobody took. */
    List<Segment> rest() {
      List<Segment> rest = new ArrayList<>(left);
      for (int i = Math.min(cursor.get(), work.size()); i < work.size(); i++) {
        rest.add(work.get(i));
      }
      return rest;
    }
  }

  /** A worker's own state: its expander, buffers and counts, kept across levels. */
  private final class Worker implements Expander.Sink {
    private final Expander expander = machine.expander(options.identity());
    private final Reducer reducer = reducers.get();
    final Frontier.Writer writer = new Frontier.Writer(budget);
    /** This worker's parent records; null without a stop predicate (no witness wanted). */
    final ParentLog.Writer trail = parents == null ? null : parents.writer();
    /** This worker's slot in {@link #quotas}. */
    private final int slot = QUOTA_STRIDE * (workers.size() + 1);
    private int[][] byLength = new int[64][];
    private int[] readBuffer = new int[0];
    /** For pages read back from disk; a run that never spills never allocates it. */
    private ByteBuffer readBytes = ByteBuffer.allocate(0);
    private Frontier next;
    private boolean expand;
    private long parent;
    private long pending;
    private boolean tooLarge;
    private long sinceClock;
    long admitted;
    long edges;
    long deadlocked;
    long terminal;
    /** Sink for the prefetch reads, so the JIT keeps them. */
    long noise;

    /**
     * Expands a segment's states; returns what is left of it when the run halts or pauses
     * in the middle, else null (the page's memory then goes back to the budget).
     */
    Segment expandSegment(Segment s, Frontier level, Frontier into, boolean expandThem) {
      this.next = into;
      this.expand = expandThem;
      Frontier.Page page = s.page();
      if (!page.inMemory() && readBytes.capacity() < 4 * page.used) {
        readBytes = ByteBuffer.allocate(4 * Math.max(page.used, budget.pageInts()))
            .order(ByteOrder.nativeOrder());
      }
      int[] data = level.read(page, readBuffer, readBytes);
      if (!page.inMemory()) {
        readBuffer = data;
      }
      int at = s.from();
      while (at < page.used) {
        if (halt || pause) {
          return new Segment(page, at);
        }
        int n = data[at];
        long fp = (data[at + 1] & 0xFFFF_FFFFL) | ((long) data[at + 2] << 32);
        int[] ids = scratch(n);
        System.arraycopy(data, at + Frontier.HEADER, ids, 0, n);
        at += Frontier.HEADER + n;
        expandState(ids, fp);
      }
      level.done(page, writer);
      return null;
    }

    /** An array of exactly {@code n} ints to hold a state's threads (expand reads its length). */
    private int[] scratch(int n) {
      if (n >= byLength.length) {
        byLength = Arrays.copyOf(byLength, Math.max(n + 1, 2 * byLength.length));
      }
      int[] a = byLength[n];
      if (a == null) {
        a = new int[n];
        byLength[n] = a;
      }
      return a;
    }

    /** Expands one state: the one place where a state's successors are produced. */
    private void expandState(int[] ids, long fp) {
      parent = fp;
      int n = reducer.expand(expander, ids, fp, this);
      edges += n;
      if (tooLarge) {
        // a successor cannot be represented: end the run as incomplete (not stuck)
        stop.compareAndSet(null, StopReason.VALUE_TOO_LARGE);
        halt = true;
        return;
      }
      if (n == 0) {
        if (machine.waitsLinearly(ids)) {
          deadlocked++;
        } else {
          terminal++;
        }
      } else if (!expand) {
        depthCut = true;
      }
      if (options.stopWhen().isPresent()
          && options.stopWhen().get().test(access.view(program, ids.clone(), n))) {
        if (found.compareAndSet(null, fp)) {
          stop.compareAndSet(null, StopReason.STOP_PREDICATE);
        }
        halt = true;
      }
      if (++sinceClock == CLOCK_EVERY) {
        sinceClock = 0;
        StopReason bound = bounds.checkTime();
        if (bound != null) {
          stop.compareAndSet(null, bound);
          halt = true;
        }
      }
    }

    @Override
    public void prefetch(long[] fps, int n) {
      if (expand) {
        noise += seen.touch(fps, n);
      }
    }

    @Override
    public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
      if (!expand || !seen.put(fp)) {
        return false;
      }
      if (!takeQuota(slot) && !refill() && !steal()) {
        // every state the bound allows is admitted: the count is exact, the run is over
        statesCut = true;
        halt = true;
        return false;
      }
      admitted++;
      if (trail != null) {
        trail.add(fp, parent);
      }
      pending = fp;
      return true;
    }

    /**
     * Takes a block of new states from the shared counter, one of them for the state at
     * hand; false once maxStates are granted.
     */
    private boolean refill() {
      while (true) {
        long g = granted.get();
        long take = Math.min(GRANT, options.maxStates() - g);
        if (take <= 0) {
          return false;
        }
        if (granted.compareAndSet(g, g + take)) {
          quotas.set(slot, take - 1);
          if (g + take >= seen.softLimit()) {
            pause = true;
          }
          return true;
        }
      }
    }

    /**
     * Once everything is granted, a state another worker's block would still admit: so a
     * run cut by maxStates stores exactly maxStates states, whoever held the blocks.
     */
    private boolean steal() {
      for (Worker w : workers) {
        if (takeQuota(w.slot)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void state(int[] successor) {
      writer.add(next, pending, successor, successor.length);
    }

    @Override
    public void state(int[] buf, int len) {
      writer.add(next, pending, buf, len);
    }

    @Override
    public void tooLarge(int recv, int branch, int[] sends, int n) {
      tooLarge = true;
    }
  }
}
