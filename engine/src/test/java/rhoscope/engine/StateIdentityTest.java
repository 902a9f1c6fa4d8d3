package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.StateGraph;

/**
 * Congruent states are one state: private names that share an identifier are numbered
 * canonically, symmetric ties included, whatever order the run created them in.
 */
class StateIdentityTest {

  @Test
  void twoSymmetricNamesOfOneIdentifierGiveTwoStates() {
    // after either message is taken, one private x remains in a send on "a": one state
    ExploreResult r = Explorer.sequential(Programs.load(
        "new x in { @\"a\"!(*x) } | new x in { @\"a\"!(*x) } | for (_ <- @\"a\") { Nil }"),
        ExploreOptions.defaults());
    assertThat(r.complete()).isTrue();
    assertThat(r.distinctStates()).isEqualTo(2);
  }

  @Test
  void namesOfDifferentIdentifiersStayApart() {
    // `*x` left and `*y` left differ to a query that names x or y (a private name pattern
    // matches the identifier of the name's `new`), so they are two states, not one
    ExploreResult r = Explorer.sequential(Programs.load(
        "new x, y in { @\"a\"!(*x) | @\"a\"!(*y) | for (_ <- @\"a\") { Nil } }"),
        ExploreOptions.defaults());
    assertThat(r.complete()).isTrue();
    assertThat(r.distinctStates()).isEqualTo(3);
  }

  /** Rings of names made by calls of one contract, linked in any order the calls finish. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // three names in a cycle: no colour tells them apart, only the search does
      "contract @\"node\"(ret) = { new n in { ret!(*n) } }"
          + " | new r1, r2, r3 in { @\"node\"!(*r1) | @\"node\"!(*r2) | @\"node\"!(*r3)"
          + " | for (a <- r1 & b <- r2 & c <- r3) { a!(*b) | b!(*c) | c!(*a) } }",
      // two cycles of two, and a message that moves between them
      "contract @\"node\"(ret) = { new n in { ret!(*n) } }"
          + " | new r1, r2, r3, r4 in { @\"node\"!(*r1) | @\"node\"!(*r2) | @\"node\"!(*r3)"
          + " | @\"node\"!(*r4) | for (a <- r1 & b <- r2 & c <- r3 & d <- r4) {"
          + " a!(*b) | b!(*a) | c!(*d) | d!(*c) | a!(0) | for (@0 <- a) { c!(0) } } }",
      // names made again each time a persistent receive fires, then passed around a ring
      "new go in { go!(3) | for (@k <= go) { if (k > 0) { new n in { @\"pool\"!(*n)"
          + " | go!(k - 1) } } } | for (a <- @\"pool\" & b <- @\"pool\" & c <- @\"pool\") {"
          + " a!(*b) | b!(*c) | c!(*a) } }"})
  void symmetricStatesHaveNoDuplicates(String source) {
    Program p = Programs.load(source);
    ExploreResult r = Explorer.sequential(p, ExploreOptions.defaults().withRecordGraph(true));
    assertThat(r.complete()).isTrue();
    StateGraph g = r.graph().orElseThrow();
    Set<String> classes = new HashSet<>();
    for (int i = 0; i < g.size(); i++) {
      classes.add(CongruenceOracle.key(g.state(i)).orElseThrow());
    }
    assertThat(r.distinctStates()).as("explored states vs congruence classes")
        .isEqualTo(classes.size());
    // the parallel explorer agrees for any number of workers
    assertThat(Explorer.explore(p, ExploreOptions.defaults().withWorkers(2)).distinctStates())
        .isEqualTo(r.distinctStates());
  }
}
