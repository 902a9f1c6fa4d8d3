package rhoscope.engine.check;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.Transition;
import rhoscope.engine.explore.Edge;
import rhoscope.engine.explore.StateGraph;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;

/**
 * Evaluates a core type on every state of a recorded graph at once, as bitsets over state
 * indices, with {@code mu}/{@code nu} computed by iteration from the empty / full set.
 *
 * <p>When exploration was cut short, some states are <em>frontier</em> states: their successors
 * are not (all) known. Each type is then evaluated to two sets: {@code lower}, the states that
 * surely have it whatever the unexplored part holds, and {@code upper}, the states that may have
 * it. A modality at a frontier state is false in {@code lower} and true in {@code upper};
 * negation swaps the two. The initial state in {@code lower} means yes, outside {@code upper}
 * means no, and anything else is unknown: the unexplored part could change the answer.
 */
final class GlobalEvaluator {
  /** The two approximations of one type's set of states. */
  record Sets(BitSet lower, BitSet upper) {}

  /** The time bound ran out, or the check was cancelled, while fixpoints were being computed. */
  static final class OutOfTime extends RuntimeException {
    OutOfTime(String why) {
      super(why, null, false, false);
    }
  }

  private final Program program;
  private final StateGraph graph;
  private final int size;
  private final BitSet frontier = new BitSet();
  private final Map<Type, Sets> closed = new IdentityHashMap<>();
  private final Map<Type, Boolean> isClosed = new IdentityHashMap<>();
  private final Map<Integer, List<Trace.Comm>> frontierSteps = new HashMap<>();
  private final long deadlineNanos;
  private final Cancellation cancel;
  private final Prints prints = new Prints();

  /**
   * {@code deadlineNanos}: a {@link System#nanoTime()} after which evaluation gives up, as it does
   * once {@code cancel} is cancelled.
   */
  GlobalEvaluator(
      Program program, StateGraph graph, boolean complete, long deadlineNanos, Cancellation cancel) {
    this.cancel = cancel;
    this.program = program;
    this.graph = graph;
    this.size = graph.size();
    this.deadlineNanos = deadlineNanos;
    if (!complete) {
      // A state whose recorded edges are fewer than its COMM steps was cut off (by depth, or
      // by the state bound while it was being expanded). A stuck state is never cut off.
      for (int i = 0; i < size; i++) {
        StateView s = graph.state(i);
        if (s.isStuck()) {
          continue;
        }
        int recorded = graph.successors(i).size();
        if (recorded == 0 || recorded < program.successors(s).size()) {
          frontier.set(i);
        }
      }
    }
  }

  int initial() {
    return graph.initial();
  }

  Sets eval(Type type) {
    return eval(type, Map.of());
  }

  private Sets eval(Type type, Map<String, Sets> env) {
    boolean cacheable = isClosed.computeIfAbsent(type, t -> TypeExpander.freeVariables(t).isEmpty());
    if (cacheable) {
      Sets known = closed.get(type);
      if (known != null) {
        return known;
      }
    }
    Sets result = compute(type, env);
    if (cacheable) {
      closed.put(type, result);
    }
    return result;
  }

  private Sets compute(Type type, Map<String, Sets> env) {
    return switch (type) {
      case Type.True t -> exact(full());
      case Type.False f -> exact(new BitSet());
      case Type.Var v -> {
        Sets value = env.get(v.name());
        if (value == null) {
          throw new IllegalArgumentException("unbound type variable " + v.name());
        }
        yield value;
      }
      case Type.Not n -> {
        Sets inner = eval(n.operand(), env);
        yield new Sets(complement(inner.upper()), complement(inner.lower()));
      }
      case Type.And a -> {
        Sets l = eval(a.left(), env);
        Sets r = eval(a.right(), env);
        yield new Sets(and(l.lower(), r.lower()), and(l.upper(), r.upper()));
      }
      case Type.Or o -> {
        Sets l = eval(o.left(), env);
        Sets r = eval(o.right(), env);
        yield new Sets(or(l.lower(), r.lower()), or(l.upper(), r.upper()));
      }
      case Type.Diamond d -> modal(d.label(), eval(d.body(), env), true);
      case Type.Box b -> modal(b.label(), eval(b.body(), env), false);
      case Type.Mu m -> fixpoint(m.variable(), m.body(), env, exact(new BitSet()));
      case Type.Nu n -> fixpoint(n.variable(), n.body(), env, exact(full()));
      case Type.Race r -> {
        BitSet sat = new BitSet();
        for (int i = 0; i < size; i++) {
          if (Races.race(r.channel(), r.takes(), graph.state(i), steps(i), prints::of)) {
            sat.set(i);
          }
        }
        yield exact(sat);
      }
      case Type.Sugared s -> eval(s.core(), env);
      case Type.Nil n -> structure(n);
      case Type.Par p -> structure(p);
      case Type.Atom a -> structure(a);
      case Type.Sugar s -> throw Support.notCore(s);
    };
  }

  /** Structure is decided on each state's own threads, explored or not. */
  private Sets structure(Type type) {
    BitSet sat = new BitSet();
    for (int i = 0; i < size; i++) {
      if (StateAtoms.holds(type, graph.state(i))) {
        sat.set(i);
      }
    }
    return exact(sat);
  }

  private Sets modal(Optional<NamePattern> label, Sets body, boolean some) {
    BitSet lower = new BitSet();
    BitSet upper = new BitSet();
    for (int i = 0; i < size; i++) {
      if (frontier.get(i)) {
        upper.set(i);
        continue;
      }
      boolean inLower = !some;
      boolean inUpper = !some;
      for (Edge e : graph.successors(i)) {
        if (!Labels.matches(label, e.comm())) {
          continue;
        }
        if (some) {
          inLower |= body.lower().get(e.target());
          inUpper |= body.upper().get(e.target());
        } else {
          inLower &= body.lower().get(e.target());
          inUpper &= body.upper().get(e.target());
        }
      }
      lower.set(i, inLower);
      upper.set(i, inUpper);
    }
    return new Sets(lower, upper);
  }

  /** Iterates both approximations together; positivity makes each monotone. */
  private Sets fixpoint(String x, Type body, Map<String, Sets> env, Sets start) {
    Map<String, Sets> inner = new HashMap<>(env);
    Sets value = start;
    while (true) {
      if (cancel.isCancelled()) {
        throw new OutOfTime(ModelChecker.CANCELLED);
      }
      if (System.nanoTime() - deadlineNanos > 0) {
        throw new OutOfTime("time bound reached while computing fixpoints");
      }
      inner.put(x, value);
      Sets next = eval(body, inner);
      if (next.equals(value)) {
        return value;
      }
      value = next;
    }
  }

  /** The COMM steps out of state i: recorded ones, or computed for a cut-off state. */
  private List<Trace.Comm> steps(int i) {
    if (!frontier.get(i)) {
      return graph.successors(i).stream().map(Edge::comm).toList();
    }
    return frontierSteps.computeIfAbsent(
        i, k -> program.successors(graph.state(k)).stream().map(Transition::comm).toList());
  }

  /** The shortest recorded path from the initial state to a state in {@code targets}. */
  Optional<Trace> pathTo(BitSet targets) {
    int[] parent = new int[size];
    Trace.Comm[] via = new Trace.Comm[size];
    Arrays.fill(parent, -2);
    Deque<Integer> queue = new ArrayDeque<>();
    int start = graph.initial();
    parent[start] = -1;
    queue.add(start);
    while (!queue.isEmpty()) {
      int i = queue.poll();
      if (targets.get(i)) {
        Deque<Trace.Step> steps = new ArrayDeque<>();
        for (int j = i; parent[j] >= 0; j = parent[j]) {
          steps.addFirst(new Trace.Step(via[j], graph.state(j).fingerprint()));
        }
        return Optional.of(new Trace(graph.state(start).fingerprint(), List.copyOf(steps)));
      }
      for (Edge e : graph.successors(i)) {
        if (parent[e.target()] == -2) {
          parent[e.target()] = i;
          via[e.target()] = e.comm();
          queue.add(e.target());
        }
      }
    }
    return Optional.empty();
  }

  BitSet complement(BitSet set) {
    BitSet c = full();
    c.andNot(set);
    return c;
  }

  private BitSet full() {
    BitSet all = new BitSet(size);
    all.set(0, size);
    return all;
  }

  private static Sets exact(BitSet set) {
    return new Sets(set, set);
  }

  private static BitSet and(BitSet a, BitSet b) {
    BitSet r = (BitSet) a.clone();
    r.and(b);
    return r;
  }

  private static BitSet or(BitSet a, BitSet b) {
    BitSet r = (BitSet) a.clone();
    r.or(b);
    return r;
  }
}
