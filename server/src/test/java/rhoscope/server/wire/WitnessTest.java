package rhoscope.server.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.Transition;
import rhoscope.lang.parse.ProcessParser;

class WitnessTest {
  private static final String RELAY =
      """
      new x, y in {
        x!(1) |
        for (@v <- x) { y!(v + 1) } |
        for (@w <- y) { @"out"!(w) }
      }
      """;

  private static Program load(String source) {
    return Engine.load(ProcessParser.parse("test", source));
  }

  /** The steps of the only run of a deterministic program, and the states it passes. */
  private static List<Transition> onlyRun(Program program) {
    List<Transition> run = new ArrayList<>();
    StateView s = program.initialState();
    for (List<Transition> next = program.successors(s); !next.isEmpty(); next = program.successors(s)) {
      assertThat(next).hasSize(1);
      run.add(next.get(0));
      s = next.get(0).target();
    }
    return run;
  }

  private static Trace trace(Program program, List<Transition> run) {
    return new Trace(
        program.initialState().fingerprint(), run.stream().map(Transition::step).toList());
  }

  @Test
  void aReplayCarriedFromTheCheckPrintsAsReplayingAgainDoes() {
    Program program = load(RELAY);
    Trace trace = trace(program, onlyRun(program));
    List<StateView> states = program.replay(trace);

    assertThat(Witness.of(trace, states, Optional.empty())).isEqualTo(Witness.of(program, trace));
    assertThatThrownBy(() -> Witness.of(trace, states.subList(0, 2), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 steps");
  }

  @Test
  void everyStepCarriesItsCommAndTheStateAfterIt() {
    Program program = load(RELAY);
    List<Transition> run = onlyRun(program);
    assertThat(run).hasSize(2);

    Witness w = Witness.of(program, trace(program, run));

    assertThat(w.initialState()).isEqualTo(program.initialState().print());
    assertThat(w.steps()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      Witness.Step f = w.steps().get(i);
      assertThat(f.step()).isEqualTo(i + 1);
      assertThat(f.message()).isEqualTo(run.get(i).comm().message());
      assertThat(f.receiver()).isEqualTo(run.get(i).comm().receiver());
      assertThat(f.state()).isEqualTo(run.get(i).target().print());
    }
    assertThat(w.steps().get(0).channel()).isEqualTo(new Witness.Channel("private", "x", "x"));
    assertThat(w.steps().get(1).channel().label()).isEqualTo("y");
    assertThat(w.steps().get(1).state()).contains("\"out\"").contains("2");
  }

  @Test
  void publicNamesAreSpelledAsTheTypeLanguageWritesThem() {
    Program program = load("@\"ping\"!(1) | for (_ <- @\"ping\") { Nil }");
    Witness w = Witness.of(program, trace(program, onlyRun(program)));
    assertThat(w.steps().get(0).channel()).isEqualTo(new Witness.Channel("string", "ping", "\"ping\""));
  }

  @Test
  void aTraceWithoutStepsShowsTheInitialStateOnly() {
    Program program = load(RELAY);
    Witness w = Witness.of(program, new Trace(program.initialState().fingerprint(), List.of()));
    assertThat(w.steps()).isEmpty();
    assertThat(w.initialState()).isEqualTo(program.initialState().print());
  }

  @Test
  void aTraceOfAnotherProgramIsRefused() {
    Program relay = load(RELAY);
    Program other = load("@\"ping\"!(1) | for (_ <- @\"ping\") { Nil }");
    Trace foreign = trace(other, onlyRun(other));
    assertThatThrownBy(() -> Witness.of(relay, foreign))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("initial state");
    // the same COMMs from the right initial state still name threads the program lacks
    Trace grafted = new Trace(relay.initialState().fingerprint(), foreign.steps());
    assertThatThrownBy(() -> Witness.of(relay, grafted))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trace step 1");
  }
}
