package rhoscope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import rhoscope.engine.internal.ProgramAccess;
import rhoscope.engine.open.MostGeneralClient;
import rhoscope.engine.open.OpenSystem;
import rhoscope.engine.reduce.Expander;
import rhoscope.engine.reduce.CommKey;
import rhoscope.engine.reduce.Machine;
import rhoscope.engine.state.Readback;
import rhoscope.engine.state.Term;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.print.ProcessPrinter;

/** A loaded process: its initial state and its reduction relation. Thread-safe. */
public final class Program {
  static {
    ProgramAccess.register(
        new ProgramAccess.Bridge() {
          @Override
          public Machine machine(Program program) {
            return program.machine;
          }

          @Override
          public StateView view(Program program, int[] ids, int successors) {
            return new StateView(program, ids, program.machine.fingerprint(ids), successors);
          }

          @Override
          public int[] threadIds(StateView view) {
            return view.ids();
          }

          @Override
          public Trace.Comm comm(Program program, int recv, int branch, int[] sends, int n) {
            return program.comm(recv, branch, sends, n);
          }

          @Override
          public ChannelView channel(Term name) {
            return ChannelView.of(name);
          }
        });
  }

  private final ParsedProcess source;
  private final Machine machine;
  private final ConcurrentHashMap<CommKey, Trace.Comm> comms = new ConcurrentHashMap<>();
  /** Thread views by thread id: a thread reads back the same in every state that holds it. */
  private final ConcurrentHashMap<Integer, ThreadView> threadViews = new ConcurrentHashMap<>();

  private final OpenSystem open;
  private final Optional<MostGeneralClient> client;

  Program(ParsedProcess source, Machine machine, OpenSystem open,
      Optional<MostGeneralClient> client) {
    this.source = Objects.requireNonNull(source, "source");
    this.machine = Objects.requireNonNull(machine, "machine");
    this.open = Objects.requireNonNull(open, "open");
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Closed, or open beside a client that makes up to {@code open().calls()} calls. */
  public OpenSystem open() {
    return open;
  }

  /** The most-general client run beside the program, when it is open. */
  public Optional<MostGeneralClient> client() {
    return client;
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

  /**
   * The registry's entries in {@code state}: each URI with the value registered under it (for a
   * contract, RChain's convention is a tuple of a nonce and {@code bundle+{*contract}}), printed
   * as Rholang and sorted by URI. The entries of RChain's genesis are among them when the program
   * was loaded with it.
   */
  public Map<String, String> registrations(StateView state) {
    if (state.program() != this) {
      throw new IllegalArgumentException("a state of another program");
    }
    Map<String, String> out = new LinkedHashMap<>();
    machine.registrations(state.ids())
        .forEach((uri, value) -> out.put(uri, ProcessPrinter.print(Readback.proc(value))));
    return out;
  }

  /** Every COMM possible in {@code state}, with the state each leads to. */
  public List<Transition> successors(StateView state) {
    if (state.program() != this) {
      throw new IllegalArgumentException("a state of another program");
    }
    List<Transition> out = new ArrayList<>();
    machine.expander().expand(state.ids(), state.fingerprint(), new Expander.Sink() {
      private Trace.Comm pending;
      private long fp;

      @Override
      public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
        this.pending = comm(recv, branch, sends, n);
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
   * Re-executes {@code trace} from the initial state, matching each step by the threads that take
   * part in it (never by printed text), and returns the states it passes through: the initial
   * state, then the state after each step.
   *
   * @throws IllegalArgumentException when the trace does not belong to this program: its initial
   *     state differs, a step is not a COMM of the state reached so far, or a step leads to
   *     another state than the trace recorded
   */
  public List<StateView> replay(Trace trace) {
    StateView s = initialState();
    if (s.fingerprint() != trace.initial()) {
      throw new IllegalArgumentException("the trace starts in another state than the initial"
          + " state of " + sourceName());
    }
    List<StateView> states = new ArrayList<>(trace.steps().size() + 1);
    states.add(s);
    for (int i = 0; i < trace.steps().size(); i++) {
      Trace.Step want = trace.steps().get(i);
      StateView next = null;
      for (Transition t : successors(s)) {
        if (t.comm().parties().equals(want.comm().parties())) {
          next = t.target();
          break;
        }
      }
      if (next == null) {
        throw new IllegalArgumentException("trace step " + (i + 1) + " (" + want.comm()
            + ") is not a COMM of the state reached in " + sourceName());
      }
      if (next.fingerprint() != want.state()) {
        throw new IllegalArgumentException("trace step " + (i + 1) + " (" + want.comm()
            + ") leads to another state than the trace recorded in " + sourceName());
      }
      states.add(next);
      s = next;
    }
    return states;
  }

  Machine machine() {
    return machine;
  }

  /** The COMM an {@link Expander} reports, with its parties and label. */
  Trace.Comm comm(int recv, int branch, int[] sends, int n) {
    CommKey key = new CommKey(recv, branch, Arrays.copyOf(sends, n));
    Trace.Comm known = comms.get(key);
    return known != null ? known : comms.computeIfAbsent(key, this::label);
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

  private Trace.Comm label(CommKey key) {
    Term recv = machine.thread(key.recv()).term();
    Term channel = switch (recv) {
      case Term.Input in -> in.binds().get(0).channel();
      case Term.Choice c -> c.branches().get(key.branch()).binds().get(0).channel();
      default -> throw new IllegalStateException("not a receive: " + recv);
    };
    StringBuilder message = new StringBuilder();
    List<Long> sends = new ArrayList<>(key.sends().length);
    for (int send : key.sends()) {
      sends.add(machine.thread(send).hash());
      if (!message.isEmpty()) {
        message.append(" & ");
      }
      message.append(ProcessPrinter.print(Readback.proc(machine.thread(send).term())));
    }
    Trace.Parties parties =
        new Trace.Parties(machine.thread(key.recv()).hash(), key.branch(), sends);
    return new Trace.Comm(parties, ChannelView.of(channel), message.toString(),
        ProcessPrinter.print(Readback.proc(recv)));
  }
}
