package rhoscope.engine.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rhoscope.engine.Program;
import rhoscope.engine.internal.ProgramAccess;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.explore.por.Reducer;
import rhoscope.engine.reduce.Expander;
import rhoscope.engine.reduce.Machine;

/**
 * Breadth-first exploration on one thread: the oracle the parallel explorer is tested
 * against, and the one that records the explicit graph (with deterministic indices).
 */
final class SequentialExplorer {
  private record Node(int[] ids, long fp, int depth, int index) {}

  /**
   * What the oracle's map takes a state (a hash entry and two boxed longs), counted against
   * the memory bound as the parallel explorer counts its set; the frontier is not counted.
   */
  private static final long ORACLE_BYTES_PER_STATE = 80;

  private final Program program;
  private final ProgramAccess.Bridge access = ProgramAccess.get();
  private final ExploreOptions options;
  private final HashFingerprintSet seen;
  private final Machine machine;
  private final Bounds bounds;
  private final Reducer reducer;

  SequentialExplorer(Program program, ExploreOptions options, HashFingerprintSet seen) {
    this.program = program;
    this.options = options;
    this.seen = seen;
    this.machine = access.machine(program);
    this.bounds = new Bounds(options);
    this.reducer = Reducer.of(options.reduction(), program, options.identity()).get();
  }

  ExploreResult run() {
    boolean record = options.recordGraph();
    Map<Long, Integer> index = record ? new HashMap<>() : null;
    List<int[]> states = record ? new ArrayList<>() : null;
    List<List<Edge>> edges = record ? new ArrayList<>() : null;
    List<Integer> successorCounts = record ? new ArrayList<>() : null;

    int[] init = machine.initial();
    long initFp = machine.identity(init, options.identity());
    seen.put(initFp, initFp);
    long distinct = 1;
    if (record) {
      index.put(initFp, 0);
      states.add(init);
      edges.add(new ArrayList<>());
      successorCounts.add(-1);
    }
    ArrayDeque<Node> queue = new ArrayDeque<>();
    queue.add(new Node(init, initFp, 0, 0));
    long transitions = 0;
    long deadlocked = 0;
    long terminal = 0;
    int maxDepth = 0;
    StopReason stop = StopReason.COMPLETE;
    Optional<Trace> witness = Optional.empty();
    Expander ex = machine.expander(options.identity());

    long expanded = 0;
    boolean[] truncated = {false};
    boolean[] tooLarge = {false};
    try {
      while (!queue.isEmpty()) {
        StopReason bound = bounds.check(expanded++);
        if (bound == null && distinct * ORACLE_BYTES_PER_STATE > bounds.maxMemory()) {
          bound = StopReason.MEMORY;
        }
        if (bound != null) {
          stop = bound;
          break;
        }
        Node node = queue.poll();
        boolean expand = node.depth() < options.maxDepth();
        List<Node> found = new ArrayList<>();
        List<Edge> out = record ? edges.get(node.index()) : null;
        long[] counts = {distinct};
        int n = reducer.expand(ex, node.ids(), node.fp(), new Expander.Sink() {
          private long pendingFp;
          private int pendingIndex;

          @Override
          public boolean edge(long fp, int recv, int branch, int[] sends, int k) {
            boolean fresh = false;
            if (expand && !seen.contains(fp)) {
              if (counts[0] < options.maxStates()) {
                fresh = seen.put(fp, node.fp());
                counts[0]++;
              } else {
                truncated[0] = true;
              }
            }
            if (record) {
              Integer target = index.get(fp);
              if (target == null && fresh) {
                target = states.size();
                index.put(fp, target);
                states.add(null);
                edges.add(new ArrayList<>());
                successorCounts.add(-1);
              }
              if (target != null) {
                out.add(new Edge(target, access.comm(program, recv, branch, sends, k)));
              }
              pendingIndex = target == null ? -1 : target;
            }
            pendingFp = fp;
            return fresh;
          }

          @Override
          public void state(int[] next) {
            if (record) {
              states.set(pendingIndex, next);
            }
            found.add(new Node(next, pendingFp, node.depth() + 1, record ? pendingIndex : -1));
          }

          @Override
          public void tooLarge(int recv, int branch, int[] sends, int k) {
            tooLarge[0] = true;
          }
        });
        transitions += n;
        if (record) {
          successorCounts.set(node.index(), n);
        }
        if (n == 0) {
          if (machine.waitsLinearly(node.ids())) {
            deadlocked++;
          } else {
            terminal++;
          }
        } else if (!expand && stop == StopReason.COMPLETE) {
          stop = StopReason.MAX_DEPTH;
        }
        if (truncated[0] && stop == StopReason.COMPLETE) {
          stop = StopReason.MAX_STATES;
        }
        distinct = counts[0];
        if (tooLarge[0]) {
          // a successor cannot be represented: end the run as incomplete. The node keeps no
          // recorded edge, so a graph reader sees it as cut off (unexplored), not as stuck.
          stop = StopReason.VALUE_TOO_LARGE;
          if (record) {
            out.clear();
          }
          break;
        }
        for (Node f : found) {
          maxDepth = Math.max(maxDepth, f.depth());
          queue.add(f);
        }
        if (options.stopWhen().isPresent()
            && options.stopWhen().get().test(access.view(program, node.ids(), n))) {
          stop = StopReason.STOP_PREDICATE;
          witness = Optional.of(Witnesses.rebuild(program, options.identity(), seen, node.fp()));
          break;
        }
      }
    } catch (OutOfMemoryError e) {
      // the last line of defence when the memory bound did not stop the run in time: drop
      // the frontier and end as MEMORY, never with the error
      queue.clear();
      stop = StopReason.MEMORY;
      machine.dropCaches();
      if (record) {
        dropUnfinished(states, edges, successorCounts, index);
      }
    }
    if (stop == StopReason.COMPLETE && seen.overflowed()) {
      stop = StopReason.MEMORY;
    }
    Optional<StateGraph> graph = record
        ? Optional.of(new RecordedGraph(program, states, edges, successorCounts))
        : Optional.empty();
    return new ExploreResult(distinct, transitions, deadlocked, terminal, maxDepth,
        stop == StopReason.COMPLETE, stop, bounds.millis(), witness, graph);
  }

  /**
   * After an OutOfMemoryError in the middle of an expansion: a state added to the graph
   * whose threads were not yet stored (only the last one can be) is removed, with the edges
   * to it, so that every recorded state can be viewed.
   */
  private static void dropUnfinished(List<int[]> states, List<List<Edge>> edges,
      List<Integer> successorCounts, Map<Long, Integer> index) {
    int last = states.size() - 1;
    // the lists grow in the order index, states, edges, successorCounts
    int n = Math.min(states.size(), Math.min(edges.size(), successorCounts.size()));
    if (last >= 0 && (states.get(last) == null || n <= last)) {
      index.values().removeIf(i -> i >= last);
      for (List<?> l : List.of(states, edges, successorCounts)) {
        while (l.size() > last) {
          l.remove(l.size() - 1);
        }
      }
      for (List<Edge> es : edges) {
        es.removeIf(e -> e.target() >= last);
      }
    }
    index.values().removeIf(i -> i >= states.size());
  }

  /** The explicit graph; state views are created on demand. */
  private record RecordedGraph(Program program, List<int[]> states,
      List<List<Edge>> edges, List<Integer> successorCounts) implements StateGraph {
    RecordedGraph {
      edges = edges.stream().map(List::copyOf).toList();
    }

    @Override
    public int size() {
      return states.size();
    }

    @Override
    public int initial() {
      return 0;
    }

    @Override
    public StateView state(int i) {
      return ProgramAccess.get().view(program, states.get(i), successorCounts.get(i));
    }

    @Override
    public List<Edge> successors(int i) {
      return edges.get(i);
    }
  }
}
