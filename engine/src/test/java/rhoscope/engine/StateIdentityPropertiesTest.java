package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.StateGraph;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.print.ProcessPrinter;

/**
 * State identity on random processes whose {@code new}s share identifiers: congruent copies
 * reach the same fingerprints, and among reachable states a fingerprint is equal exactly when
 * the brute-force {@link CongruenceOracle} says the states are congruent. Each try derives
 * everything from one seed, which the failure message shows.
 */
class StateIdentityPropertiesTest {
  private static final int STATES = 300;

  @Property(tries = 200)
  void congruentCopiesReachTheSameFingerprints(@ForAll long seed) {
    Random random = new Random(seed);
    Proc p = random.nextBoolean() ? RandomProcesses.symmetric(random)
        : RandomProcesses.process(random, true);
    Proc q = RandomProcesses.congruent(p, random);
    Program pp = load(p);
    Program qp = load(q);
    String why = String.format("seed %d:%n%s%nvs%n%s", seed, ProcessPrinter.print(p),
        ProcessPrinter.print(q));
    assertThat(qp.initialState().fingerprint()).as(why)
        .isEqualTo(pp.initialState().fingerprint());
    Optional<Set<Long>> ps = reachable(pp);
    Optional<Set<Long>> qs = reachable(qp);
    if (ps.isPresent() && qs.isPresent()) {
      assertThat(qs.get()).as(why).isEqualTo(ps.get());
    }
  }

  @Property(tries = 200)
  void equalFingerprintsExactlyForCongruentStates(@ForAll long seed) {
    Random random = new Random(seed);
    Proc p = random.nextBoolean() ? RandomProcesses.symmetric(random)
        : RandomProcesses.process(random, true);
    Program program = load(p);
    Map<Long, String> keyOf = new HashMap<>();
    Map<String, Long> fingerprintOf = new HashMap<>();
    Deque<StateView> queue = new ArrayDeque<>();
    queue.add(program.initialState());
    Set<Long> expanded = new HashSet<>();
    // The oracle's brute force is the cost of a try; its key depends only on the state's thread
    // multiset, which many paths reach exactly alike, so each multiset is keyed once.
    Map<List<Integer>, Optional<String>> oracle = new HashMap<>();
    while (!queue.isEmpty() && expanded.size() < STATES) {
      StateView s = queue.poll();
      if (!expanded.add(s.fingerprint())) {
        continue;
      }
      // every path to a state is compared, not only the first: each transition's target
      for (Transition t : program.successors(s)) {
        StateView target = t.target();
        Optional<String> key =
            oracle.computeIfAbsent(threads(target), ids -> CongruenceOracle.key(target));
        if (key.isEmpty()) {
          continue; // too many names of one identifier for the brute force
        }
        String why = String.format("seed %d: %s%nstate %s", seed, ProcessPrinter.print(p),
            target.print());
        String known = keyOf.putIfAbsent(target.fingerprint(), key.get());
        assertThat(known == null ? key.get() : known).as("one fingerprint, congruent states: "
            + why).isEqualTo(key.get());
        Long fp = fingerprintOf.putIfAbsent(key.get(), target.fingerprint());
        assertThat(fp == null ? target.fingerprint() : fp).as("congruent states, one fingerprint: "
            + why).isEqualTo(target.fingerprint());
        queue.add(target);
      }
    }
  }

  /** The state's threads as a multiset, exactly (not up to renaming). */
  private static List<Integer> threads(StateView state) {
    return Arrays.stream(state.ids()).sorted().boxed().toList();
  }

  private static Program load(Proc p) {
    return Engine.load(new ParsedProcess("generated", "", p, Positions.empty()));
  }

  /** Every reachable fingerprint, or empty when the space exceeds the bound. */
  private static Optional<Set<Long>> reachable(Program p) {
    ExploreResult r = Explorer.sequential(p, ExploreOptions.defaults().withMaxStates(STATES)
        .withRecordGraph(true));
    if (!r.complete()) {
      return Optional.empty();
    }
    StateGraph g = r.graph().orElseThrow();
    Set<Long> out = new HashSet<>();
    for (int i = 0; i < g.size(); i++) {
      out.add(g.state(i).fingerprint());
    }
    return Optional.of(out);
  }
}
