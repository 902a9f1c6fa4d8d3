package rhoscope.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;

/**
 * Test oracle for state identity, by brute force and independent of the engine's canonical
 * naming: a state's key is the least, over every renumbering of its private names within
 * their identifiers, of its renamed threads printed as terms and sorted. Two states are
 * congruent iff their keys are equal. States with too many renumberings have no key.
 *
 * <p>Across identifiers ({@link #key(StateView, Set)}): the names whose identifiers are not
 * observed all take one anonymous identifier first and are renumbered together, so renaming
 * such a name to one of another {@code new}'s identifier is a congruence too.
 */
final class CongruenceOracle {
  static final int MAX_RENUMBERINGS = 5040;
  /** The group, and identifier, of unobserved names; no declared identifier is empty. */
  private static final String ANONYMOUS = "";

  private CongruenceOracle() {}

  static Optional<String> key(StateView state) {
    return key(state, ident -> true);
  }

  /** The key up to renaming names of identifiers outside {@code observed}, across identifiers. */
  static Optional<String> key(StateView state, Set<String> observed) {
    return key(state, observed::contains);
  }

  private static Optional<String> key(StateView state, Predicate<String> observed) {
    List<Term> threads = new ArrayList<>();
    Set<Term.Priv> names = new LinkedHashSet<>();
    for (int id : state.ids()) {
      Term t = state.program().machine().thread(id).term();
      threads.add(t);
      names.addAll(Terms.privates(t));
    }
    Map<String, List<Term.Priv>> byIdent = new TreeMap<>();
    names.forEach(p -> byIdent.computeIfAbsent(
        observed.test(p.ident()) ? "=" + p.ident() : ANONYMOUS,
        k -> new ArrayList<>()).add(p));
    long renumberings = 1;
    for (List<Term.Priv> group : byIdent.values()) {
      for (int i = 2; i <= group.size(); i++) {
        renumberings *= i;
      }
      if (renumberings > MAX_RENUMBERINGS) {
        return Optional.empty();
      }
    }
    String[] least = {null};
    renumber(new ArrayList<>(byIdent.entrySet()), 0, new HashMap<>(), threads, least);
    return Optional.of(least[0]);
  }

  private static void renumber(List<Map.Entry<String, List<Term.Priv>>> groups, int g,
      Map<Term.Priv, Term.Priv> to,
      List<Term> threads, String[] least) {
    if (g == groups.size()) {
      String key = threads.stream().map(t -> Terms.rename(t, to::get).toString()).sorted()
          .reduce("", (a, b) -> a + "\n" + b);
      if (least[0] == null || key.compareTo(least[0]) < 0) {
        least[0] = key;
      }
      return;
    }
    List<Term.Priv> group = groups.get(g).getValue();
    boolean anonymous = groups.get(g).getKey().equals(ANONYMOUS);
    permute(group, anonymous, 0, new int[group.size()], new boolean[group.size()], () ->
        renumber(groups, g + 1, to, threads, least), to);
  }

  /** Calls {@code leaf} once for every assignment of numbers 0..n-1 to the group's names. */
  private static void permute(List<Term.Priv> group, boolean anonymous, int i, int[] number,
      boolean[] used, Runnable leaf, Map<Term.Priv, Term.Priv> to) {
    if (i == group.size()) {
      for (int k = 0; k < group.size(); k++) {
        to.put(group.get(k), new Term.Priv(anonymous ? ANONYMOUS : group.get(k).ident(),
            number[k]));
      }
      leaf.run();
      return;
    }
    for (int v = 0; v < group.size(); v++) {
      if (!used[v]) {
        used[v] = true;
        number[i] = v;
        permute(group, anonymous, i + 1, number, used, leaf, to);
        used[v] = false;
      }
    }
  }
}
