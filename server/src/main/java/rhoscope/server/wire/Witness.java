package rhoscope.server.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Program;
import rhoscope.engine.ReceiveKind;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;

/**
 * A verdict's witness as a person steps through it, the one shape the HTTP API and the CLI's
 * {@code --json} write: the initial state, then each COMM with the whole state after it, states
 * pretty printed. Built from the engine's trace by replaying it on its program, so the states in
 * between (which the checker does not keep) are recomputed, exactly, at the edge.
 *
 * <p>When the witness ends in a deadlock, {@code waiting} lists the receives left waiting in its
 * last state (absent otherwise): a deadlock already present in the initial state has no step to
 * show, so this is what points at it.
 */
public record Witness(String initialState, List<Witness.Step> steps, List<Waiting> waiting) {
  public Witness {
    Objects.requireNonNull(initialState, "initialState");
    steps = List.copyOf(steps);
    waiting = waiting == null ? null : List.copyOf(waiting);
  }

  /** A receive that waits forever in a deadlocked state: the channels it listens on, and itself. */
  public record Waiting(List<Channel> channels, String receive) {
    public Waiting {
      channels = List.copyOf(channels);
      Objects.requireNonNull(receive, "receive");
    }
  }

  /** The state the witness ends in: after its last step, or the initial state when it has none. */
  public String finalState() {
    return steps.isEmpty() ? initialState : steps.getLast().state();
  }

  /**
   * One COMM: its number from 1, on {@code channel} the message(s) {@code message} met the
   * receiver {@code receiver}, and {@code state} is the state after it.
   */
  public record Step(int step, Channel channel, String message, String receiver, String state) {
    public Step {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * A channel: {@code kind} one of {@code string}, {@code uri}, {@code quote}, {@code private};
   * {@code label} the string, the URI, the quoted process printed, or the private name's
   * identifier. {@code spelling}: written as the type language writes a name that matches it.
   */
  public record Channel(String kind, String label, String spelling) {
    public Channel {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(spelling, "spelling");
    }

    public static Channel of(ChannelView c) {
      return new Channel(c.kind().name().toLowerCase(Locale.ROOT), c.label(), c.spelling());
    }
  }

  /**
   * Replays {@code trace} on {@code program} and prints every state along it.
   *
   * @throws IllegalStateException when the trace does not replay on the program, which means it
   *     was recorded for another process
   */
  public static Witness of(Program program, Trace trace) {
    List<StateView> states;
    try {
      states = program.replay(trace);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the witness does not replay: " + e.getMessage(), e);
    }
    List<Step> steps = new ArrayList<>(trace.steps().size());
    for (int i = 0; i < trace.steps().size(); i++) {
      Trace.Comm c = trace.steps().get(i).comm();
      steps.add(new Step(i + 1, Channel.of(c.channel()), c.message(), c.receiver(),
          states.get(i + 1).print()));
    }
    return new Witness(states.get(0).print(), steps, waiting(states.getLast()));
  }

  /**
   * The linear receives ({@code <-}, {@code <<-}, select) of a deadlocked state, in the state's
   * order; null when it is not one.
   */
  private static List<Waiting> waiting(StateView last) {
    if (!last.isDeadlocked()) {
      return null;
    }
    List<Waiting> out = new ArrayList<>();
    for (var thread : last.threads()) {
      if (thread instanceof ReceiveView r && r.kind() != ReceiveKind.PERSISTENT) {
        out.add(new Waiting(r.channels().stream().map(Channel::of).toList(), r.print()));
      }
    }
    return out;
  }
}
