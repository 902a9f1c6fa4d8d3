package rhoscope.engine.explore.por;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Program;
import rhoscope.engine.internal.ProgramAccess;
import rhoscope.engine.reduce.Machine;
import rhoscope.engine.state.Observed;
import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import rhoscope.engine.state.ThreadInfo;

/**
 * The footprints of one program's threads, each computed once from the thread's term by a walk
 * over its continuation (see {@link Footprint}), and shared by the workers of one run.
 */
final class Footprints {
  private final Machine machine;
  private final ProgramAccess.Bridge access = ProgramAccess.get();
  private final Optional<Predicate<ChannelView>> observed;
  private final Observed identity;
  private final ConcurrentHashMap<Term, Integer> channelIds = new ConcurrentHashMap<>();
  private final AtomicInteger nextChannel = new AtomicInteger();
  private final ConcurrentHashMap<Integer, Footprint> byThread = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Term, Boolean> observedChannels = new ConcurrentHashMap<>();

  /**
   * {@code observed}: the channels whose threads must keep every reachable valuation;
   * {@code identity}: the identifiers the exploration's state identity observes.
   */
  Footprints(Program program, Optional<Predicate<ChannelView>> observed, Observed identity) {
    this.machine = access.machine(program);
    this.observed = observed;
    this.identity = identity;
  }

  /**
   * Per position of {@code state}, its thread's hash up to the renamings the state's identity
   * ignores: the same for corresponding threads of every copy of the state.
   */
  long[] identities(int[] state) {
    return machine.threadIdentities(state, identity);
  }

  /** Whether COMMs must be checked for visibility: the reduction keeps more than stuck states. */
  boolean observing() {
    return observed.isPresent();
  }

  /** How many channels have been numbered so far (an upper bound on the ids handed out). */
  int channelCount() {
    return nextChannel.get();
  }

  Footprint of(int thread) {
    Footprint known = byThread.get(thread);
    return known != null ? known : byThread.computeIfAbsent(thread, this::compute);
  }

  private Footprint compute(int thread) {
    ThreadInfo info = machine.thread(thread);
    Term term = info.term();
    long key = machine.hashUpToRenaming(thread, identity);
    return switch (term) {
      case Term.Send s -> new Footprint(key, true, new int[] {channel(s.channel())},
          new int[0][], new int[0], false, false, false);
      case Term.Input in -> receive(info, key, List.of(in.binds()), List.of(in.body()));
      case Term.Choice c -> receive(info, key,
          c.branches().stream().map(Term.Branch::binds).toList(),
          c.branches().stream().map(Term.Branch::body).toList());
      default -> throw new IllegalStateException("not a thread: " + term);
    };
  }

  private Footprint receive(ThreadInfo info, long key, List<List<Term.InBind>> binds,
      List<Term> bodies) {
    int[][] branches = new int[binds.size()][];
    List<Term> own = new ArrayList<>();
    for (int b = 0; b < branches.length; b++) {
      List<Term.InBind> bs = binds.get(b);
      branches[b] = new int[bs.size()];
      for (int i = 0; i < bs.size(); i++) {
        own.add(bs.get(i).channel());
        branches[b][i] = channel(bs.get(i).channel());
      }
    }
    Scan scan = new Scan();
    for (Term body : bodies) {
      List<List<Term.NewName>> frames = new ArrayList<>();
      frames.add(null); // the receive's own frame: what it binds comes from the messages
      scan.process(body, frames, true);
    }
    boolean linear = switch (info.kind()) {
      case LINEAR, PEEK, CHOICE -> true;
      case PERSISTENT, SEND, PERSISTENT_SEND -> false;
    };
    boolean visible = observed.isPresent() && (scan.immediateTop
        || own.stream().anyMatch(this::observed)
        || scan.immediate.stream().anyMatch(this::observed)
        || scan.fresh.stream().anyMatch(ident -> observed(new Term.Priv(ident, 0))));
    int[] channels = own.stream().mapToInt(this::channel).distinct().toArray();
    int[] deep = scan.deep.stream().mapToInt(this::channel).distinct().toArray();
    return new Footprint(key, false, channels, branches, deep, scan.deepTop, visible,
        linear && !scan.runsData);
  }

  private boolean observed(Term channel) {
    Predicate<ChannelView> p = observed.orElseThrow();
    return observedChannels.computeIfAbsent(channel, c -> p.test(access.channel(c)));
  }

  private int channel(Term name) {
    Integer known = channelIds.get(name);
    return known != null ? known
        : channelIds.computeIfAbsent(name, n -> nextChannel.getAndIncrement());
  }

  /**
   * A walk over a continuation that collects the channels its threads may use. A frame is the
   * names of a {@code new} (a fresh name, or the public name of a URI declaration) or
   * {@code null} for a binder whose values only the run decides (a receive, a match, a let).
   * Threads directly produced by the COMM are {@code immediate}; those under a further receive
   * come later and count only as {@code deep}.
   */
  private static final class Scan {
    final Set<Term> immediate = new HashSet<>();
    final Set<String> fresh = new HashSet<>();
    final Set<Term> deep = new HashSet<>();
    boolean immediateTop;
    boolean deepTop;
    /** A received process may run: it can hold any threads, receives included. */
    boolean runsData;

    void process(Term t, List<List<Term.NewName>> frames, boolean now) {
      switch (t) {
        case Term.Nil n -> { }
        case Term.Par p -> p.parts().forEach(part -> process(part, frames, now));
        case Term.New n -> process(n.body(), push(frames, n.names()), now);
        case Term.Send s -> name(s.channel(), frames, now);
        case Term.Input in -> {
          in.binds().forEach(b -> name(b.channel(), frames, now));
          process(in.body(), push(frames, null), false);
        }
        case Term.Choice c -> {
          for (Term.Branch b : c.branches()) {
            b.binds().forEach(bind -> name(bind.channel(), frames, now));
            process(b.body(), push(frames, null), false);
          }
        }
        case Term.Match m -> m.cases().forEach(c -> process(c.body(), push(frames, null), now));
        case Term.If i -> {
          process(i.then(), frames, now);
          process(i.otherwise(), frames, now);
        }
        case Term.Let l -> process(l.body(), push(frames, null), now);
        // *x of a private name is inert; of a variable it runs whatever process was received
        case Term.Eval e -> {
          if (!(e.name() instanceof Term.Priv)) {
            unknown(now);
            runsData = true;
          }
        }
        case Term.Var v -> {
          unknown(now);
          runsData = true;
        }
        // ground data as a process is inert; a pattern never runs
        case Term.Quote q -> { }
        case Term.Priv p -> { }
        case Term.IntV i -> { }
        case Term.BigV b -> { }
        case Term.StrV s -> { }
        case Term.BoolV b -> { }
        case Term.UriV u -> { }
        case Term.BytesV b -> { }
        case Term.ListT l -> { }
        case Term.TupleT tu -> { }
        case Term.SetT s -> { }
        case Term.MapT m -> { }
        case Term.Bin b -> { }
        case Term.Un u -> { }
        case Term.Meth m -> { }
        case Term.PVar p -> { }
        case Term.PWild w -> { }
        case Term.PType p -> { }
      }
    }

    private void name(Term name, List<List<Term.NewName>> frames, boolean now) {
      switch (name) {
        case Term.Priv p -> known(p, now);
        case Term.Quote q when literal(q.proc()) -> known(Terms.quote(q.proc()), now);
        case Term.Var v when v.depth() < frames.size()
            && frames.get(frames.size() - 1 - v.depth()) != null -> {
          Term.NewName declared = frames.get(frames.size() - 1 - v.depth()).get(v.slot());
          if (declared.uri().isPresent()) {
            known(new Term.Quote(new Term.UriV(declared.uri().get())), now);
          } else if (now) {
            fresh.add(declared.ident());
          }
        }
        default -> unknown(now);
      }
    }

    private void known(Term channel, boolean now) {
      deep.add(channel);
      if (now) {
        immediate.add(channel);
      }
    }

    private void unknown(boolean now) {
      deepTop = true;
      immediateTop |= now;
    }

    /**
     * Whether a quoted process is already the value the run evaluates it to, so the channel it
     * names is known now: no variable, expression or collection anywhere inside (collections
     * are rebuilt in a normal order when evaluated).
     */
    private static boolean literal(Term proc) {
      boolean[] plain = {true};
      Terms.visit(proc, x -> plain[0] &= switch (x) {
        case Term.Var v -> false;
        case Term.Eval e -> false;
        case Term.Bin b -> false;
        case Term.Un u -> false;
        case Term.Meth m -> false;
        case Term.ListT l -> false;
        case Term.TupleT tu -> false;
        case Term.SetT st -> false;
        case Term.MapT m -> false;
        case Term.PVar v -> false;
        case Term.PWild w -> false;
        case Term.PType pt -> false;
        case Term.Nil n -> true;
        case Term.Par p -> true;
        case Term.New n -> true;
        case Term.Send sd -> true;
        case Term.Input in -> true;
        case Term.Choice c -> true;
        case Term.Match m -> true;
        case Term.If i -> true;
        case Term.Let l -> true;
        case Term.Quote q -> true;
        case Term.Priv pv -> true;
        case Term.IntV i -> true;
        case Term.BigV b -> true;
        case Term.StrV st -> true;
        case Term.BoolV b -> true;
        case Term.UriV u -> true;
        case Term.BytesV b -> true;
      });
      return plain[0];
    }

    private static List<List<Term.NewName>> push(
        List<List<Term.NewName>> frames, List<Term.NewName> frame) {
      List<List<Term.NewName>> out = new ArrayList<>(frames);
      out.add(frame);
      return out;
    }
  }
}
