package rhoscope.server.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Step;
import rhoscope.engine.Transition;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.server.api.Frame;
import rhoscope.server.api.Witness;

class FramesTest {
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

  @Test
  void everyFrameCarriesItsCommAndTheStateAfterIt() {
    Program program = load(RELAY);
    List<Transition> run = onlyRun(program);
    assertThat(run).hasSize(2);
    List<Step> steps = run.stream().map(Transition::step).toList();

    Witness w = Frames.replay(program, Frames.printed(steps));

    assertThat(w.initialState()).isEqualTo(program.initialState().print());
    assertThat(w.frames()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      Frame f = w.frames().get(i);
      assertThat(f.step()).isEqualTo(i + 1);
      assertThat(f.message()).isEqualTo(steps.get(i).message());
      assertThat(f.receiver()).isEqualTo(steps.get(i).receiver());
      assertThat(f.state()).isEqualTo(run.get(i).target().print());
    }
    assertThat(w.frames().get(0).channel()).isEqualTo("x");
    assertThat(w.frames().get(1).channel()).isEqualTo("y");
    assertThat(w.frames().get(1).state()).contains("\"out\"").contains("2");
  }

  @Test
  void publicNamesAreWrittenAsTheTypeLanguageWritesThem() {
    Program program = load("@\"ping\"!(1) | for (_ <- @\"ping\") { Nil }");
    List<Step> steps = onlyRun(program).stream().map(Transition::step).toList();
    assertThat(Frames.printed(steps).get(0).channel()).isEqualTo("\"ping\"");
  }

  @Test
  void aStepThatIsNotATransitionOfTheProgramIsRefused() {
    Program relay = load(RELAY);
    Program other = load("@\"ping\"!(1) | for (_ <- @\"ping\") { Nil }");
    List<Step> foreign = onlyRun(other).stream().map(Transition::step).toList();
    assertThatThrownBy(() -> Frames.replay(relay, Frames.printed(foreign)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("witness step 1");
  }
}
