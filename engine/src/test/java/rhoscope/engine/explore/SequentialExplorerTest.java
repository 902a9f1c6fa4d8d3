package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rhoscope.engine.Program;
import rhoscope.engine.Programs;

class SequentialExplorerTest extends ExplorerContractTest {
  @Override
  ExploreResult explore(Program program, ExploreOptions options) {
    return Explorer.sequential(program, options);
  }

  @Test
  void theRecordedGraphHasEveryStateAndTransition() {
    Program p = Programs.load(Programs.philosophers(3));
    ExploreResult r = explore(p, ExploreOptions.defaults().withRecordGraph(true));
    StateGraph g = r.graph().orElseThrow();
    assertThat(g.size()).isEqualTo(27);
    assertThat(g.state(g.initial()).fingerprint()).isEqualTo(p.initialState().fingerprint());
    long edges = 0;
    long deadlocked = 0;
    for (int i = 0; i < g.size(); i++) {
      assertThat(g.successors(i)).hasSameSizeAs(p.successors(g.state(i)));
      for (Edge e : g.successors(i)) {
        assertThat(e.target()).isBetween(0, g.size() - 1);
      }
      edges += g.successors(i).size();
      deadlocked += g.state(i).isDeadlocked() ? 1 : 0;
    }
    assertThat(edges).isEqualTo(r.transitions());
    assertThat(deadlocked).isEqualTo(1);
  }
}
