package rhoscope.server.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Step;
import rhoscope.engine.Transition;
import rhoscope.server.api.Frame;
import rhoscope.server.api.Witness;

/**
 * Turns a witness (the printed COMM steps from the initial state) into frames a person can step
 * through: each frame is one COMM and the whole state after it. The checker keeps only the steps
 * and the final state (TLC's habit: parents as fingerprints, paths rebuilt on demand), so the
 * states in between are rebuilt here by replaying the steps on the process.
 */
final class Frames {
  private Frames() {}

  /** A printed COMM step, as the checker and the index report it. */
  record PrintedStep(String channel, String message, String receiver) {
    PrintedStep {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(receiver, "receiver");
    }
  }

  /**
   * Replays {@code steps} from the program's initial state. Each step is the transition whose
   * message and receiver print as recorded: a receiver prints with its channel, so that pair
   * names one COMM of the state.
   *
   * @throws IllegalStateException when a step is not a transition of the state reached so far,
   *     which means the witness does not belong to this program
   */
  static Witness replay(Program program, List<PrintedStep> steps) {
    StateView state = program.initialState();
    String initial = state.print();
    List<Frame> frames = new ArrayList<>(steps.size());
    for (PrintedStep step : steps) {
      state = next(program, state, step, frames.size() + 1);
      frames.add(
          new Frame(frames.size() + 1, step.channel(), step.message(), step.receiver(), state.print()));
    }
    return new Witness(initial, frames);
  }

  /** The engine's steps as printed steps, channels written as the type language writes names. */
  static List<PrintedStep> printed(List<Step> steps) {
    return steps.stream()
        .map(s -> new PrintedStep(channel(s.channel()), s.message(), s.receiver()))
        .toList();
  }

  static String channel(ChannelView c) {
    return switch (c.kind()) {
      case STRING -> '"' + c.label() + '"';
      case URI -> '`' + c.label() + '`';
      case PRIVATE -> c.label();
      case QUOTE -> '@' + c.label();
    };
  }

  private static StateView next(Program program, StateView state, PrintedStep step, int index) {
    for (Transition t : program.successors(state)) {
      if (t.step().message().equals(step.message())
          && t.step().receiver().equals(step.receiver())) {
        return t.target();
      }
    }
    throw new IllegalStateException(
        "witness step " + index + " (" + step.message() + " -> " + step.receiver()
            + ") is not a transition of " + program.sourceName());
  }
}
