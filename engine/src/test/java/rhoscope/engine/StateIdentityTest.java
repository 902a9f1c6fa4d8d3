package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.StateGraph;
import rhoscope.lang.parse.TypeParser;

/**
 * Congruent states are one state: private names are numbered canonically, symmetric ties
 * included, whatever order the run created them in, and renamed across identifiers that
 * nothing observes.
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
  void namesOfDifferentIdentifiersAreOneStateWhereNothingObservesThem() {
    // `*x` left and `*y` left are congruent (rename y to x): nothing reads the identifiers
    ExploreResult r = Explorer.sequential(Programs.load(
        "new x, y in { @\"a\"!(*x) | @\"a\"!(*y) | for (_ <- @\"a\") { Nil } }"),
        ExploreOptions.defaults());
    assertThat(r.complete()).isTrue();
    assertThat(r.distinctStates()).isEqualTo(2);
    assertThat(Explorer.explore(Programs.load(
        "new x, y in { @\"a\"!(*x) | @\"a\"!(*y) | for (_ <- @\"a\") { Nil } }"),
        ExploreOptions.defaults().withWorkers(2)).distinctStates()).isEqualTo(2);
  }

  @Test
  void countersUnderDifferentIdentifiersMergeAsAMultisetOfTheirStates() {
    // each counter's threads mention its name alone: up to renaming, a state is the multiset
    // of the counters' local states, so L local states and K counters give C(L+K-1, K)
    int local = (int) Explorer.sequential(Programs.load(counters(1)), ExploreOptions.defaults())
        .distinctStates();
    int k = 3;
    long multisets = (long) (local + 2) * (local + 1) * local / 6;
    assertThat(Explorer.sequential(Programs.load(counters(k)), ExploreOptions.defaults())
        .distinctStates()).isEqualTo(multisets);
    assertThat(Explorer.explore(Programs.load(counters(k)), ExploreOptions.defaults()
        .withWorkers(2)).distinctStates()).isEqualTo(multisets);
    assertThat(Explorer.sequential(Programs.load(counters(k)), ExploreOptions.defaults()
        .withObserved(Set.of("c0", "c1", "c2"))).distinctStates())
        .isEqualTo((long) local * local * local);
  }

  private static String counters(int k) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < k; i++) {
      sb.append(i == 0 ? "" : " | ").append("new c").append(i).append(" in { c").append(i)
          .append("!(0) | for (@v <= c").append(i).append(") { if (v < 2) { c").append(i)
          .append("!(v + 1) } } }");
    }
    return sb.toString();
  }

  @Test
  void anObservedIdentifierKeepsItsNamesApart() {
    // a type naming x tells `*x` left from `*y` left
    ExploreResult r = Explorer.sequential(Programs.load(
        "new x, y in { @\"a\"!(*x) | @\"a\"!(*y) | for (_ <- @\"a\") { Nil } }"),
        ExploreOptions.defaults().withObserved(Set.of("x")));
    assertThat(r.distinctStates()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"x", "y"})
  void aTypeNamingOneOfTwoSymmetricNamesStillFindsIt(String ident) {
    // either message may be taken first; a check that merged the two outcomes would see only
    // the one it kept and miss the other name's answer
    Program p = Programs.load("new x, y in { @\"a\"!(*x) | @\"a\"!(*y)"
        + " | for (c <- @\"a\") { c!(1) } }");
    for (int workers : new int[] {1, 2}) {
      CheckResult c = ModelChecker.check(p,
          TypeParser.parse("t", "eventually contains " + ident + "!(1)"),
          CheckOptions.defaults().withWorkers(workers).withPartialOrder(false));
      assertThat(c.verdict()).as(workers + " workers").isEqualTo(Verdict.YES);
      assertThat(p.replay(c.witness().orElseThrow()).getLast().print()).contains(ident + "!(1)");
    }
  }

  @Test
  void aWitnessReplaysWhenTheKeptStateNamesItsNamesOtherwise() {
    // the state after both COMMs is reached with x's or y's message left; the witness
    // follows a real run and reads back with the names of that run
    Program p = Programs.load("new x, y in { @\"a\"!(*x) | @\"a\"!(*y)"
        + " | for (_ <- @\"a\") { @\"b\"!(0) } | for (_ <- @\"b\") { @\"done\"!(0) } }");
    CheckResult c = ModelChecker.check(p, TypeParser.parse("t", "eventually contains"
        + " \"done\"!(0)"), CheckOptions.defaults().withWorkers(2).withPartialOrder(false));
    assertThat(c.verdict()).isEqualTo(Verdict.YES);
    List<StateView> states = p.replay(c.witness().orElseThrow());
    assertThat(states.getLast().print()).contains("@\"done\"!(0)").containsPattern("[xy]");
  }

  /**
   * Rings of names made by calls of one contract, linked in any order the calls finish: as
   * many states as congruence classes (names of any identifier renamed, as nothing observes
   * them), the three-name cycle first.
   */
  static Stream<Arguments> rings() {
    return Stream.of(
        // three names in a cycle: no colour tells them apart, only the search does
        Arguments.of("contract @\"node\"(ret) = { new n in { ret!(*n) } }"
            + " | new r1, r2, r3 in { @\"node\"!(*r1) | @\"node\"!(*r2) | @\"node\"!(*r3)"
            + " | for (a <- r1 & b <- r2 & c <- r3) { a!(*b) | b!(*c) | c!(*a) } }", Set.of()),
        // two cycles of two, and a message that moves between them (the r's observed, so
        // that the brute force has few enough renamings)
        Arguments.of("contract @\"node\"(ret) = { new n in { ret!(*n) } }"
            + " | new r1, r2, r3, r4 in { @\"node\"!(*r1) | @\"node\"!(*r2) | @\"node\"!(*r3)"
            + " | @\"node\"!(*r4) | for (a <- r1 & b <- r2 & c <- r3 & d <- r4) {"
            + " a!(*b) | b!(*a) | c!(*d) | d!(*c) | a!(0) | for (@0 <- a) { c!(0) } } }",
            Set.of("r1", "r2", "r3", "r4")),
        // names made again each time a persistent receive fires, then passed around a ring
        Arguments.of("new go in { go!(3) | for (@k <= go) { if (k > 0) { new n in {"
            + " @\"pool\"!(*n) | go!(k - 1) } } } | for (a <- @\"pool\" & b <- @\"pool\""
            + " & c <- @\"pool\") { a!(*b) | b!(*c) | c!(*a) } }", Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rings")
  void symmetricStatesHaveNoDuplicates(String source, Set<String> observed) {
    Program p = Programs.load(source);
    ExploreResult r = Explorer.sequential(p, ExploreOptions.defaults().withObserved(observed)
        .withRecordGraph(true));
    assertThat(r.complete()).isTrue();
    StateGraph g = r.graph().orElseThrow();
    Set<String> classes = new HashSet<>();
    for (int i = 0; i < g.size(); i++) {
      classes.add(CongruenceOracle.key(g.state(i), observed).orElseThrow());
    }
    assertThat(r.distinctStates()).as("explored states vs congruence classes")
        .isEqualTo(classes.size());
    // the parallel explorer agrees for any number of workers
    assertThat(Explorer.explore(p, ExploreOptions.defaults().withWorkers(2)
        .withObserved(observed)).distinctStates()).isEqualTo(r.distinctStates());
  }
}
