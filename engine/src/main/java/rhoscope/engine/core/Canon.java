package rhoscope.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical numbering of private names. A private name is identified by the identifier of
 * its {@code new} (queries match on it) and a number; names that share an identifier are
 * renumbered 0, 1, ... in the order of a colour computed from the threads that mention
 * them (two rounds of colour refinement over the shape of those threads), so that
 * interleavings that create the same structure meet in one state.
 *
 * <p>Incomplete on purpose: names whose colours tie (symmetric structures) keep their
 * previous relative order, so two isomorphic states can stay apart. The cost is duplicate
 * states, never a wrong verdict, because a renaming always yields a congruent state.
 */
final class Canon {
  private Canon() {}

  static int[] canonical(int[] state, ThreadTable table) {
    Map<Term.Priv, long[]> colour = new HashMap<>();
    for (int id : state) {
      for (Term.Priv p : table.get(id).privs) {
        colour.computeIfAbsent(p, k -> new long[] {Terms.hashString(k.ident())});
      }
    }
    if (colour.isEmpty() || alreadyCanonical(colour.keySet())) {
      return state;
    }
    for (int round = 0; round < 2; round++) {
      Map<Term.Priv, Long> next = new HashMap<>();
      for (int id : state) {
        ThreadInfo t = table.get(id);
        Term.Priv[] occ = t.privs;
        if (occ.length == 0) {
          continue;
        }
        long context = 0;
        for (int q = 0; q < occ.length; q++) {
          context += Terms.mix(q * 0x9E3779B97F4A7C15L + colour.get(occ[q])[0]);
        }
        for (int pos = 0; pos < occ.length; pos++) {
          long own = Terms.mix(t.shapeHash + pos * 0xBF58476D1CE4E5B9L + context);
          next.merge(occ[pos], own, Long::sum);
        }
      }
      next.forEach((p, c) -> colour.get(p)[0] = Terms.mix(colour.get(p)[0] * 31 + c));
    }
    Map<String, List<Term.Priv>> groups = new HashMap<>();
    colour.keySet().forEach(p -> groups.computeIfAbsent(p.ident(), k -> new ArrayList<>()).add(p));
    Map<Term.Priv, Term.Priv> renaming = new HashMap<>();
    for (List<Term.Priv> group : groups.values()) {
      group.sort((a, b) -> {
        int c = Long.compare(colour.get(a)[0], colour.get(b)[0]);
        return c != 0 ? c : Integer.compare(a.index(), b.index());
      });
      for (int i = 0; i < group.size(); i++) {
        if (group.get(i).index() != i) {
          renaming.put(group.get(i), new Term.Priv(group.get(i).ident(), i));
        }
      }
    }
    if (renaming.isEmpty()) {
      return state;
    }
    int[] out = new int[state.length];
    for (int i = 0; i < state.length; i++) {
      out[i] = renamed(table.get(state[i]), renaming, table);
    }
    Arrays.sort(out);
    return out;
  }

  /** The thread with the renaming applied; renamings of a thread are cached on it. */
  private static int renamed(ThreadInfo t, Map<Term.Priv, Term.Priv> renaming, ThreadTable table) {
    if (t.privs.length == 0) {
      return t.id;
    }
    int[] indices = new int[t.distinctPrivs.length];
    boolean same = true;
    for (int i = 0; i < indices.length; i++) {
      Term.Priv to = renaming.get(t.distinctPrivs[i]);
      same &= to == null;
      indices[i] = to == null ? t.distinctPrivs[i].index() : to.index();
    }
    if (same) {
      return t.id;
    }
    int known = t.renamedId(indices);
    if (known >= 0) {
      return known;
    }
    int id = table.intern(Terms.rename(t.term, p -> renaming.getOrDefault(p, p))).id;
    t.cacheRenamed(indices, id);
    return id;
  }

  private static boolean alreadyCanonical(Iterable<Term.Priv> names) {
    Map<String, Integer> count = new HashMap<>();
    for (Term.Priv p : names) {
      if (p.index() != 0 || count.merge(p.ident(), 1, Integer::sum) > 1) {
        return false;
      }
    }
    return true;
  }
}
