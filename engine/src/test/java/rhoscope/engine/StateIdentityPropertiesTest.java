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
import java.util.function.Function;
import java.util.function.ToLongFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.StateGraph;
import rhoscope.engine.state.Observed;
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
    assertIdentitiesMatchTheOracle(program, StateView::fingerprint, CongruenceOracle::key,
        String.format("seed %d: %s", seed, ProcessPrinter.print(p)));
  }

  /**
   * Over every transition of the reachable states (every path to a state, not only the first),
   * {@code identity} is equal for two targets exactly when the oracle's key is. The oracle's
   * brute force is the cost of a try; its key depends only on the state's thread multiset, which
   * many paths reach exactly alike, so each multiset is keyed once.
   */
  private static void assertIdentitiesMatchTheOracle(Program program,
      ToLongFunction<StateView> identity, Function<StateView, Optional<String>> oracleKey,
      String what) {
    Map<Long, String> keyOf = new HashMap<>();
    Map<String, Long> identityOf = new HashMap<>();
    Deque<StateView> queue = new ArrayDeque<>();
    queue.add(program.initialState());
    Set<Long> expanded = new HashSet<>();
    Map<List<Integer>, Optional<String>> oracle = new HashMap<>();
    while (!queue.isEmpty() && expanded.size() < STATES) {
      StateView s = queue.poll();
      if (!expanded.add(s.fingerprint())) {
        continue;
      }
      for (Transition t : program.successors(s)) {
        StateView target = t.target();
        Optional<String> key =
            oracle.computeIfAbsent(threads(target), ids -> oracleKey.apply(target));
        if (key.isEmpty()) {
          continue; // too many names of one identifier for the brute force
        }
        long id = identity.applyAsLong(target);
        String why = what + "\nstate " + target.print();
        String known = keyOf.putIfAbsent(id, key.get());
        assertThat(known == null ? key.get() : known).as("one identity, congruent states: "
            + why).isEqualTo(key.get());
        Long before = identityOf.putIfAbsent(key.get(), id);
        assertThat(before == null ? id : before).as("congruent states, one identity: " + why)
            .isEqualTo(id);
        queue.add(target);
      }
    }
  }

  /** The state's threads as a multiset, exactly (not up to renaming). */
  private static List<Integer> threads(StateView state) {
    return Arrays.stream(state.ids()).sorted().boxed().toList();
  }

  /**
   * Renaming the identifiers of {@code new}s (alpha-conversion) changes no count and no verdict
   * of a type that reads no identifier, with the reduction and without. Reduced counts may
   * differ: a {@code new} under a receive is part of that receive's term, identifier included,
   * and the reduction ranks its candidates by such terms' hashes.
   */
  @Property(tries = 150)
  void alphaConversionKeepsCountsAndVerdicts(@ForAll long seed) {
    Random random = new Random(seed);
    Proc p = pick(random);
    Proc q = RandomProcesses.alphaConverted(p, random);
    String why = String.format("seed %d:%n%s%nvs%n%s", seed, ProcessPrinter.print(p),
        ProcessPrinter.print(q));
    Program pp = load(p);
    Program qp = load(q);
    ExploreResult pr = Explorer.sequential(pp, ExploreOptions.defaults().withMaxStates(STATES));
    ExploreResult qr = Explorer.sequential(qp, ExploreOptions.defaults().withMaxStates(STATES));
    assertThat(qr.complete()).as(why).isEqualTo(pr.complete());
    if (pr.complete()) {
      assertThat(qr.distinctStates()).as(why).isEqualTo(pr.distinctStates());
      assertThat(qr.deadlockedStates()).as(why).isEqualTo(pr.deadlockedStates());
    }
    for (String type : TYPES) {
      CheckPlan plan = CheckPlan.parse("t", type);
      for (boolean por : new boolean[] {false, true}) {
        CheckOptions o = CheckOptions.defaults().withWorkers(1).withMaxStates(STATES)
            .withPartialOrder(por);
        CheckResult a = plan.check(pp, o);
        CheckResult b = plan.check(qp, o);
        assertThat(b.verdict()).as(type + " " + why).isEqualTo(a.verdict());
        if (a.complete() && b.complete() && !por) {
          assertThat(b.states()).as(type + " " + why).isEqualTo(a.states());
        }
      }
    }
  }

  /**
   * Across identifiers: among reachable states, identities under a random set of observed
   * identifiers are equal exactly when the oracle, renaming the other names freely, says the
   * states are congruent.
   */
  @Property(tries = 200)
  void equalIdentitiesExactlyForStatesCongruentAcrossIdentifiers(@ForAll long seed) {
    Random random = new Random(seed);
    Proc p = pick(random);
    Set<String> observed = new HashSet<>();
    for (String ident : List.of("a", "b", "n0", "n1")) {
      if (random.nextInt(3) == 0) {
        observed.add(ident);
      }
    }
    Program program = load(p);
    Observed o = Observed.only(observed);
    assertIdentitiesMatchTheOracle(program, target -> program.machine().identity(target.ids(), o),
        target -> CongruenceOracle.key(target, observed),
        String.format("seed %d, observing %s: %s", seed, observed, ProcessPrinter.print(p)));
  }

  private static final List<String> TYPES = List.of(
      "eventually deadlock", "eventually terminated", "always not contains \"a\"!(_)");

  private static Proc pick(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> RandomProcesses.symmetric(random);
      case 1 -> RandomProcesses.process(random, true);
      default -> RandomProcesses.process(random, false);
    };
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
