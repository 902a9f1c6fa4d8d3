package rhoscope.engine.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import rhoscope.engine.Program;
import rhoscope.engine.internal.ProgramAccess;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.reduce.Expander;
import rhoscope.engine.reduce.Machine;
import rhoscope.engine.state.Observed;

/**
 * Rebuilds the trace along a path of fingerprints (TLC's trace idea: the path comes from
 * parent fingerprints), re-expanding forwards to recover each COMM. Only the trace comes
 * back; {@link Program#replay} rebuilds the states along it on demand.
 *
 * <p>The path's fingerprints are identities under what the run observed, so the state kept for
 * one may name its private names otherwise than the successor reached here: the rebuild follows
 * the successors themselves, a real run, and the trace records their exact fingerprints, which
 * replay on any load of the program.
 */
final class Witnesses {
  private Witnesses() {}

  /** The path from the oracle's parents: the initial state's parent is itself. */
  static Trace rebuild(Program program, Observed observed, HashFingerprintSet seen,
      long target) {
    Deque<Long> path = new ArrayDeque<>();
    long init = ProgramAccess.get().machine(program).identity(
        ProgramAccess.get().threadIds(program.initialState()), observed);
    for (long fp = target; fp != init; fp = seen.parent(fp)) {
      path.push(fp);
    }
    return rebuild(program, observed, List.copyOf(path));
  }

  /** {@code path}: the identities after the initial state's, up to the target. */
  static Trace rebuild(Program program, Observed observed, List<Long> path) {
    ProgramAccess.Bridge access = ProgramAccess.get();
    StateView init = program.initialState();
    List<Trace.Step> steps = new ArrayList<>();
    int[] state = access.threadIds(init);
    Machine machine = access.machine(program);
    long current = machine.identity(state, observed);
    Expander ex = machine.expander(observed);
    for (long want : path) {
      Found f = new Found(want);
      ex.expand(state, current, f);
      if (f.next == null) {
        throw new IllegalStateException("parent chain broken at " + Long.toHexString(want));
      }
      Trace.Comm comm = access.comm(program, f.recv, f.branch, f.sends, f.sends.length);
      steps.add(new Trace.Step(comm, machine.fingerprint(f.next)));
      state = f.next;
      current = want;
    }
    return new Trace(init.fingerprint(), steps);
  }

  private static final class Found implements Expander.Sink {
    private final long want;
    int[] next;
    int recv;
    int branch;
    int[] sends;

    Found(long want) {
      this.want = want;
    }

    @Override
    public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
      if (next != null || fp != want) {
        return false;
      }
      this.recv = recv;
      this.branch = branch;
      this.sends = java.util.Arrays.copyOf(sends, n);
      return true;
    }

    @Override
    public void state(int[] next) {
      this.next = next;
    }
  }
}
