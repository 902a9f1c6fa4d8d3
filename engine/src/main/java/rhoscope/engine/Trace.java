package rhoscope.engine;

import java.util.List;
import java.util.Objects;

/**
 * A path through a program's states: the initial state and the COMMs chosen from it, each with
 * the state it leads to, all by fingerprint. It is a plain value (it holds no program), so it
 * can be stored and shown without recompiling; {@link Program#replay} re-executes it exactly on
 * the program it came from and yields the states in between.
 *
 * <p>The witness of a verdict is a trace: for {@code yes} to an existential type it ends in a
 * state of the wanted type, for {@code no} to a universal type in a state that violates it.
 */
public record Trace(long initial, List<Trace.Step> steps) {
  public Trace {
    steps = List.copyOf(steps);
  }

  /** The fingerprint of the state the trace ends in (the initial one when it has no step). */
  public long last() {
    return steps.isEmpty() ? initial : steps.get(steps.size() - 1).state();
  }

  /** One chosen COMM and the fingerprint of the state after it. */
  public record Step(Comm comm, long state) {
    public Step {
      Objects.requireNonNull(comm, "comm");
    }
  }

  /**
   * One COMM of a state: which threads take part ({@code parties}, what replay matches) and its
   * label: the channel of the first bind, the message(s) consumed, printed ({@code a & b} for a
   * join), and the receiving thread, printed.
   */
  public record Comm(Parties parties, ChannelView channel, String message, String receiver) {
    public Comm {
      Objects.requireNonNull(parties, "parties");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    public String toString() {
      return message + "  ->  " + receiver;
    }
  }

  /**
   * The threads of one COMM, each by its structural hash (the summand of the state fingerprint,
   * independent of the order a machine interned threads in, so a recompiled program agrees):
   * the receive, the select branch it takes (0 for a plain receive), and the message taken by
   * each bind, in bind order. Within one state this names one COMM: copies of a thread are the
   * same thread, and the COMMs they offer lead to the same state.
   */
  public record Parties(long receive, int branch, List<Long> sends) {
    public Parties {
      if (branch < 0) {
        throw new IllegalArgumentException("branch must be >= 0: " + branch);
      }
      sends = List.copyOf(sends);
    }
  }
}
