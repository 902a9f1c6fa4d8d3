package rhoscope.engine.state;

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
public final class Canon {
  private Canon() {}

  public static int[] canonical(int[] state, ThreadTable table) {
    // number the distinct names of the state 0..n-1
    Map<Term.Priv, Integer> local = new HashMap<>();
    List<Term.Priv> names = new ArrayList<>();
    for (int id : state) {
      for (Term.Priv p : table.get(id).distinctPrivs) {
        if (local.putIfAbsent(p, names.size()) == null) {
          names.add(p);
        }
      }
    }
    if (names.isEmpty() || alreadyCanonical(names)) {
      return state;
    }
    int n = names.size();
    long[] colour = new long[n];
    for (int i = 0; i < n; i++) {
      colour[i] = Terms.mix(names.get(i).ident().hashCode());
    }
    int[][] occurrences = new int[state.length][];
    for (int s = 0; s < state.length; s++) {
      Term.Priv[] occ = table.get(state[s]).privs;
      int[] at = new int[occ.length];
      for (int q = 0; q < occ.length; q++) {
        at[q] = local.get(occ[q]);
      }
      occurrences[s] = at;
    }
    long[] next = new long[n];
    for (int round = 0; round < 2; round++) {
      Arrays.fill(next, 0);
      for (int s = 0; s < state.length; s++) {
        int[] at = occurrences[s];
        if (at.length == 0) {
          continue;
        }
        long shape = table.get(state[s]).shapeHash;
        long context = 0;
        for (int q = 0; q < at.length; q++) {
          context += Terms.mix(q * 0x9E3779B97F4A7C15L + colour[at[q]]);
        }
        for (int pos = 0; pos < at.length; pos++) {
          next[at[pos]] += Terms.mix(shape + pos * 0xBF58476D1CE4E5B9L + context);
        }
      }
      for (int i = 0; i < n; i++) {
        colour[i] = Terms.mix(colour[i] * 31 + next[i]);
      }
    }
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(names.get(i).ident(), k -> new ArrayList<>()).add(i);
    }
    Map<Term.Priv, Term.Priv> renaming = new HashMap<>();
    for (List<Integer> group : groups.values()) {
      group.sort((a, b) -> {
        int c = Long.compare(colour[a], colour[b]);
        return c != 0 ? c : Integer.compare(names.get(a).index(), names.get(b).index());
      });
      for (int i = 0; i < group.size(); i++) {
        Term.Priv p = names.get(group.get(i));
        if (p.index() != i) {
          renaming.put(p, new Term.Priv(p.ident(), i));
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

  private static boolean alreadyCanonical(List<Term.Priv> names) {
    Map<String, Integer> count = new HashMap<>();
    for (Term.Priv p : names) {
      if (p.index() != 0 || count.merge(p.ident(), 1, Integer::sum) > 1) {
        return false;
      }
    }
    return true;
  }
}
