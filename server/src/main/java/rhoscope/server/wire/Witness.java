package rhoscope.server.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.check.Findings;
import rhoscope.indexer.sbml.Pathway;

/**
 * A verdict's witness as a person steps through it, the one shape the HTTP API and the CLI's
 * {@code --json} write: the initial state, then each COMM with the whole state after it, states
 * pretty printed, and what the final state shows an auditor ({@code findings}: the receive a
 * deadlock leaves waiting and the channel nobody sends on, the two threads of each race). Built
 * from the engine's trace by replaying it on its program, so the states in
 * between (which the checker does not keep) are recomputed, exactly, at the edge.
 *
 * <p>For an SBML model the witness also reads in the model's terms: each step names the reaction
 * that fired and the species that changed, and {@code present} lists the species present (with
 * their amounts) at the end. These fields are absent for a Rholang process.
 */
public record Witness(
    String initialState, List<Witness.Step> steps, List<String> findings, List<Amount> present) {
  public Witness {
    Objects.requireNonNull(initialState, "initialState");
    steps = List.copyOf(steps);
    findings = findings == null || findings.isEmpty() ? null : List.copyOf(findings);
    present = present == null ? null : List.copyOf(present);
  }

  /** A witness of a Rholang process whose final state shows no deadlock and no race. */
  public Witness(String initialState, List<Witness.Step> steps) {
    this(initialState, steps, null, null);
  }

  /** The state the witness ends in: after its last step, or the initial state when it has none. */
  public String finalState() {
    return steps.isEmpty() ? initialState : steps.getLast().state();
  }

  /**
   * One COMM: its number from 1, on {@code channel} the message(s) {@code message} met the
   * receiver {@code receiver}, and {@code state} is the state after it. For an SBML model, {@code
   * reaction} is the reaction that fired (absent when no reaction of the model explains the step)
   * and {@code changes} the species it changed.
   */
  public record Step(
      int step,
      Channel channel,
      String message,
      String receiver,
      String state,
      Reaction reaction,
      List<Change> changes) {
    public Step {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(state, "state");
      changes = changes == null ? null : List.copyOf(changes);
    }

    /** A step of a Rholang process. */
    public Step(int step, Channel channel, String message, String receiver, String state) {
      this(step, channel, message, receiver, state, null, null);
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
   * The reaction (or, in a logical model, the transition) a step fired: its SBML {@code id}, its
   * {@code name} (absent when it has none), {@code reverse} for the reverse direction of a
   * reversible reaction, and {@code alternatives}: other reactions that make exactly the same
   * change from the same state (absent when none), since the model cannot tell them apart.
   */
  public record Reaction(String id, String name, boolean reverse, List<String> alternatives) {
    public Reaction {
      Objects.requireNonNull(id, "id");
      alternatives = alternatives == null ? null : List.copyOf(alternatives);
    }
  }

  /**
   * A species whose amount changed: presence 0 or 1 under boolean semantics, the molecule count
   * under counts:K, the level of a logical model. {@code name} is absent when it has none.
   */
  public record Change(String species, String name, int before, int after) {
    public Change {
      Objects.requireNonNull(species, "species");
    }
  }

  /** A species present, with its amount (1 under boolean semantics). */
  public record Amount(String species, String name, int amount) {
    public Amount {
      Objects.requireNonNull(species, "species");
    }
  }

  /**
   * Replays {@code trace} on {@code program} and prints every state along it.
   *
   * @throws IllegalStateException when the trace does not replay on the program, which means it
   *     was recorded for another process
   */
  public static Witness of(Program program, Trace trace) {
    return of(program, trace, Optional.empty());
  }

  /**
   * Replays {@code trace} on {@code program}, the translation of the model {@code pathway}
   * describes when there is one, and reads every step in that model's terms too.
   *
   * @throws IllegalStateException when the trace does not replay on the program
   */
  public static Witness of(Program program, Trace trace, Optional<Pathway> pathway) {
    List<StateView> states;
    try {
      states = program.replay(trace);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the witness does not replay: " + e.getMessage(), e);
    }
    return of(trace, states, pathway);
  }

  /**
   * Prints {@code trace} with {@code states}, its replay from the start (one more state than
   * steps), as {@link #of(Program, Trace, Optional)} does: for a check that replayed it already.
   */
  public static Witness of(Trace trace, List<StateView> states, Optional<Pathway> pathway) {
    if (states.size() != trace.steps().size() + 1) {
      throw new IllegalArgumentException(
          "a replay of " + trace.steps().size() + " steps has " + (trace.steps().size() + 1)
              + " states, not " + states.size());
    }
    List<Pathway.Reading> readings = pathway.map(p -> p.read(trace, states)).orElse(null);
    List<Step> steps = new ArrayList<>(trace.steps().size());
    for (int i = 0; i < trace.steps().size(); i++) {
      Trace.Comm c = trace.steps().get(i).comm();
      Channel channel = Channel.of(c.channel());
      String state = states.get(i + 1).print();
      if (readings == null) {
        steps.add(new Step(i + 1, channel, c.message(), c.receiver(), state));
      } else {
        Pathway p = pathway.orElseThrow();
        Pathway.Reading r = readings.get(i);
        steps.add(
            new Step(i + 1, channel, c.message(), c.receiver(), state,
                r.fired().map(e -> reaction(e, r.alternatives())).orElse(null),
                r.changes().stream()
                    .map(ch -> new Change(ch.species(), name(p, ch.species()), ch.before(),
                        ch.after()))
                    .toList()));
      }
    }
    List<Amount> present =
        pathway
            .map(p -> p.present(states.getLast()).entrySet().stream()
                .map(e -> new Amount(e.getKey(), name(p, e.getKey()), e.getValue()))
                .toList())
            .orElse(null);
    return new Witness(
        states.get(0).print(), steps, Findings.of(states.getLast()), present);
  }

  private static Reaction reaction(Pathway.Event fired, List<Pathway.Event> alternatives) {
    List<String> others =
        alternatives.stream()
            .map(e -> e.reverse() ? e.id() + " (reverse)" : e.id())
            .distinct()
            .toList();
    return new Reaction(
        fired.id(), fired.name().isEmpty() ? null : fired.name(), fired.reverse(),
        others.isEmpty() ? null : others);
  }

  private static String name(Pathway p, String species) {
    return p.species(species).map(Pathway.Species::name).filter(n -> !n.isEmpty()).orElse(null);
  }
}
