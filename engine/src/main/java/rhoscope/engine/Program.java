package rhoscope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import rhoscope.engine.core.Expander;
import rhoscope.engine.core.Machine;
import rhoscope.engine.core.Readback;
import rhoscope.engine.core.Term;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.print.ProcessPrinter;

/** A loaded process: its initial state and its reduction relation. Thread-safe. */
public final class Program {
  private final ParsedProcess source;
  private final Machine machine;
  private final ConcurrentHashMap<StepKey, Step> steps = new ConcurrentHashMap<>();
  /** Thread views by thread id: a thread reads back the same in every state that holds it. */
  private final ConcurrentHashMap<Integer, ThreadView> threadViews = new ConcurrentHashMap<>();

  Program(ParsedProcess source, Machine machine) {
    this.source = Objects.requireNonNull(source, "source");
    this.machine = Objects.requireNonNull(machine, "machine");
  }

  public String sourceName() {
    return source.sourceName();
  }

  public ParsedProcess source() {
    return source;
  }

  public StateView initialState() {
    int[] ids = machine.initial();
    return new StateView(this, ids, machine.fingerprint(ids), -1);
  }

  /** Every COMM step possible in {@code state}, with the state each leads to. */
  public List<Transition> successors(StateView state) {
    if (state.program() != this) {
      throw new IllegalArgumentException("a state of another program");
    }
    List<Transition> out = new ArrayList<>();
    machine.expander().expand(state.ids(), state.fingerprint(), new Expander.Sink() {
      private Step pending;
      private long fp;

      @Override
      public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
        this.pending = step(recv, branch, sends, n);
        this.fp = fp;
        return true;
      }

      @Override
      public void state(int[] next) {
        out.add(new Transition(pending, new StateView(Program.this, next, fp, -1)));
      }
    });
    return out;
  }

  /**
   * Re-executes {@code path} from the initial state: each step must be one of the
   * transitions of the state reached so far (IllegalArgumentException otherwise).
   */
  public StateView replay(List<Step> path) {
    StateView s = initialState();
    for (int i = 0; i < path.size(); i++) {
      Step want = path.get(i);
      StateView next = null;
      for (Transition t : successors(s)) {
        if (t.step().equals(want)) {
          next = t.target();
          break;
        }
      }
      if (next == null) {
        throw new IllegalArgumentException("step " + (i + 1) + " does not apply: " + want);
      }
      s = next;
    }
    return s;
  }

  // ---- for the explorers (rhoscope.engine.explore); not for other callers

  /** The reduction machine. Internal. */
  public Machine machine() {
    return machine;
  }

  /** A view of a state the explorer holds. Internal. */
  public StateView view(int[] ids, long fingerprint, int successors) {
    return new StateView(this, ids, fingerprint, successors);
  }

  /** The threads of a view, as the explorer's sorted ids. Internal. */
  public static int[] threadIds(StateView view) {
    return view.ids();
  }

  /** The label of a COMM reported by an {@link Expander}. Internal. */
  public Step step(int recv, int branch, int[] sends, int n) {
    StepKey key = new StepKey(recv, branch, Arrays.copyOf(sends, n));
    Step known = steps.get(key);
    return known != null ? known : steps.computeIfAbsent(key, this::label);
  }

  ThreadView threadView(int id) {
    ThreadView known = threadViews.get(id);
    return known != null ? known
        : threadViews.computeIfAbsent(id, k -> StateView.view(machine.thread(k)));
  }

  int successorCount(int[] ids, long fp) {
    return machine.expander().expand(ids, fp, new Expander.Sink() {
      @Override
      public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
        return false;
      }

      @Override
      public void state(int[] next) {
        throw new IllegalStateException("no state was requested");
      }
    });
  }

  private Step label(StepKey key) {
    Term recv = machine.thread(key.recv()).term();
    Term channel = switch (recv) {
      case Term.Input in -> in.binds().get(0).channel();
      case Term.Choice c -> c.branches().get(key.branch()).binds().get(0).channel();
      default -> throw new IllegalStateException("not a receive: " + recv);
    };
    StringBuilder message = new StringBuilder();
    for (int send : key.sends()) {
      if (!message.isEmpty()) {
        message.append(" & ");
      }
      message.append(ProcessPrinter.print(Readback.proc(machine.thread(send).term())));
    }
    return new Step(ChannelView.of(channel), message.toString(),
        ProcessPrinter.print(Readback.proc(recv)));
  }

  private record StepKey(int recv, int branch, int[] sends) {
    @Override
    public boolean equals(Object o) {
      return o instanceof StepKey k && k.recv == recv && k.branch == branch
          && Arrays.equals(k.sends, sends);
    }

    @Override
    public int hashCode() {
      return (recv * 31 + branch) * 31 + Arrays.hashCode(sends);
    }
  }
}
