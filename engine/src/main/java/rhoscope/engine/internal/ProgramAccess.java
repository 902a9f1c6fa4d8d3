package rhoscope.engine.internal;

import java.util.Objects;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.reduce.Machine;
import rhoscope.engine.state.Term;

/**
 * The explorers' way into a {@link Program}'s machinery, which its public API does not show. The
 * module does not export this package, so only the engine's own packages reach it; {@link Program}
 * registers the one bridge when its class is initialised.
 */
public final class ProgramAccess {
  /** What the explorers need of a program beyond its public API. */
  public interface Bridge {
    Machine machine(Program program);

    /** A view of the state {@code ids} (its fingerprint the exact state's, whatever a run observed). */
    StateView view(Program program, int[] ids, int successors);

    int[] threadIds(StateView view);

    Trace.Comm comm(Program program, int recv, int branch, int[] sends, int n);

    /** A channel term of a state as the checker sees it. */
    ChannelView channel(Term name);
  }

  private static volatile Bridge bridge;

  private ProgramAccess() {}

  /** Called once, by {@link Program}'s static initialiser. */
  public static void register(Bridge b) {
    if (bridge != null) {
      throw new IllegalStateException("the program bridge is registered once");
    }
    bridge = Objects.requireNonNull(b, "bridge");
  }

  /** The bridge; a caller holding a program has initialised its class, which registered it. */
  public static Bridge get() {
    Bridge b = bridge;
    if (b == null) {
      throw new IllegalStateException("no program has been loaded yet");
    }
    return b;
  }
}
