package rhoscope.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CyclesTest {

  @Test
  void findsEachNonTrivialComponentOnce() {
    List<Dependency> edges =
        List.of(
            new Dependency("a", "b"),
            new Dependency("b", "c"),
            new Dependency("c", "a"),
            new Dependency("c", "d"),
            new Dependency("d", "e"),
            new Dependency("e", "d"),
            new Dependency("f", "g"));

    assertThat(Cycles.of(edges)).containsExactly(List.of("a", "b", "c"), List.of("d", "e"));
  }

  @Test
  void aLongChainDoesNotOverflowTheStack() {
    List<Dependency> edges = new ArrayList<>();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      edges.add(new Dependency("n" + i, "n" + (i + 1)));
    }
    edges.add(new Dependency("n" + n, "n0"));

    List<List<String>> cycles = Cycles.of(edges);

    assertThat(cycles).hasSize(1);
    assertThat(cycles.get(0)).hasSize(n + 1);
  }
}
