package rhoscope.engine.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical naming of private names, exact: two states that differ only by a renaming of
 * private names get the same canonical form, hence one fingerprint.
 *
 * <p>Which renamings count depends on what is {@link Observed}. A name whose identifier is
 * observed keeps it (a type names it, or the semantics reads it), so only its number within
 * that identifier is canonical; a name whose identifier nothing observes is known by where it
 * occurs alone, and any consistent renaming of such names, across the identifiers of their
 * {@code new}s, is a congruence. {@link #canonical} numbers names within their identifiers (every
 * identifier observed): the state the machine keeps, which reads back with the identifiers the
 * program declared. {@link #identity} is the fingerprint of the state with every unobserved name
 * renamed to one anonymous identifier and numbered canonically: what an exploration tells states
 * apart by.
 *
 * <p>The numbers come from a canonical labelling of the state, as canonical graph labelling
 * computes one: colour refinement first (a name's colour starts from its identifier when that
 * is observed, else from one colour shared by all unobserved names, and is refined, to a
 * fixpoint, by the multiset of the threads it occurs in, each known by its shape, which
 * ignores identifiers, the colours of the names it mentions, and where this name sits in it),
 * then individualise-and-refine where names stay tied (symmetric structures): each name of the
 * first tied cell is individualised in turn, the refinement rerun and the search continued, and
 * the labelling whose renamed threads sort least wins. Automorphisms found on the way prune
 * branches that would only repeat a leaf. The colours and the choice of cells depend on the
 * structure only, never on the identifiers or numbers a state comes with, so congruent states
 * meet. When refinement alone tells every name apart (the usual case) nothing is searched.
 */
public final class Canon {
  private static final long MARK = 0x94D049BB133111EBL;
  private static final long SLOT = 0xBF58476D1CE4E5B9L;
  private static final long CONTEXT = 0x9E3779B97F4A7C15L;
  /**
   * The identifier every unobserved name takes in the form {@link #identity} hashes: no
   * Rholang identifier is empty, so it meets no declared one.
   */
  static final String ANONYMOUS = "";

  private final ThreadTable table;
  private final int[] state;
  private final Map<Term.Priv, Integer> local;
  private final Term.Priv[] names;
  /** Per name: whether it keeps its identifier (observed) or takes {@link #ANONYMOUS}. */
  private final boolean[] keeps;
  /** The group of each name: its identifier's, or the anonymous one (ordered by identifier). */
  private final int[] group;
  /** The first position of each group in the canonical order of all names. */
  private final int[] groupStart;
  /** Per thread of the state that mentions names: its shape, names and their slots. */
  private final long[] shapes;
  private final int[][] at;
  private final long[][] slots;
  private final int[] holders;
  private final long[] scratch;

  /** Per name: whether its every occurrence sits in a part that mentions it alone. */
  private boolean[] twinnable;
  /** Per name: the multiset of those parts (collection and shape), summed as hashes. */
  private long[] twinSignature;

  private long[] best;
  private int[] bestLabel;
  private final List<int[]> automorphisms = new ArrayList<>();

  private Canon(int[] state, ThreadTable table, Map<Term.Priv, Integer> local,
      Observed observed) {
    this.table = table;
    this.state = state;
    this.local = local;
    this.names = local.keySet().toArray(new Term.Priv[0]);
    int n = names.length;
    this.scratch = new long[n];
    this.keeps = new boolean[n];
    String[] groupName = new String[n];
    Map<String, Integer> groupOf = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      keeps[i] = observed.observes(names[i].ident());
      groupName[i] = keeps[i] ? names[i].ident() : ANONYMOUS;
      groupOf.merge(groupName[i], 1, Integer::sum);
    }
    this.groupStart = new int[groupOf.size()];
    int g = 0;
    int start = 0;
    for (Map.Entry<String, Integer> e : groupOf.entrySet()) {
      groupStart[g] = start;
      start += e.getValue();
      e.setValue(g++);
    }
    this.group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = groupOf.get(groupName[i]);
    }
    int m = 0;
    for (int id : state) {
      if (table.get(id).privs.length > 0) {
        m++;
      }
    }
    this.holders = new int[m];
    this.shapes = new long[m];
    this.at = new int[m][];
    this.slots = new long[m][];
    int h = 0;
    for (int s = 0; s < state.length; s++) {
      ThreadInfo t = table.get(state[s]);
      if (t.privs.length == 0) {
        continue;
      }
      int[] where = new int[t.privs.length];
      for (int q = 0; q < where.length; q++) {
        where[q] = local.get(t.privs[q]);
      }
      holders[h] = s;
      shapes[h] = t.shapeHash;
      at[h] = where;
      slots[h] = t.slots;
      h++;
    }
  }

  /**
   * The state (sorted thread ids) with its private names canonically numbered within their
   * identifiers: the state kept, equal for states that differ by a renumbering.
   */
  public static int[] canonical(int[] state, ThreadTable table) {
    Map<Term.Priv, Integer> local = names(state, table);
    if (local.isEmpty() || alreadyCanonical(local.keySet())) {
      return state;
    }
    Canon c = new Canon(state, table, local, Observed.EVERY);
    return c.renamed(c.label());
  }

  /**
   * The fingerprint of {@code state} up to renaming its names whose identifiers {@code observed}
   * does not name: the sum of the threads' hashes (as {@code Machine.fingerprint}) of the state
   * with those names anonymous and canonically numbered. A state every name of which is observed
   * is its own form; {@code state} must then be canonical ({@link #canonical}). A state whose
   * names each live in threads of their own is hashed by its {@link Components} instead, with
   * no labelling (which states take that way is invariant under renaming).
   */
  public static long identity(int[] state, ThreadTable table, Observed observed) {
    Components components = Components.of(state, table, observed);
    if (components != null) {
      return components.identity();
    }
    Map<Term.Priv, Integer> local = names(state, table);
    boolean anonymous = false;
    for (Term.Priv p : local.keySet()) {
      anonymous |= !observed.observes(p.ident());
    }
    long fp = 0;
    if (!anonymous) {
      for (int id : state) {
        fp += table.get(id).fpHash;
      }
      return fp;
    }
    Canon c = new Canon(state, table, local, observed);
    Term.Priv[] target = c.targets(c.label());
    for (int id : state) {
      fp += table.get(c.renamed(table.get(id), target)).fpHash;
    }
    return fp;
  }

  /**
   * Per position of {@code state}, the hash of its thread under the renaming {@link #identity}
   * applies (unobserved names anonymous, every name canonically numbered, as a full labelling
   * gives them). Corresponding threads of two states of one identity get equal hashes, distinct
   * threads of one state distinct ones: the hashes order a state's threads alike in every copy
   * of it, whichever identifiers and numbers the copy carries.
   */
  public static long[] threadHashes(int[] state, ThreadTable table, Observed observed) {
    long[] out = new long[state.length];
    Map<Term.Priv, Integer> local = names(state, table);
    if (local.isEmpty()) {
      for (int i = 0; i < state.length; i++) {
        out[i] = table.get(state[i]).fpHash;
      }
      return out;
    }
    Canon c = new Canon(state, table, local, observed);
    Term.Priv[] target = c.targets(c.label());
    for (int i = 0; i < state.length; i++) {
      out[i] = table.get(c.renamed(table.get(state[i]), target)).fpHash;
    }
    return out;
  }

  /**
   * The thread's hash with its private names' numbers dropped and the identifiers
   * {@code observed} does not name made anonymous: equal for two threads that a renaming
   * {@link #identity} ignores maps onto each other (distinct threads may share it).
   */
  public static long hashUpToRenaming(ThreadInfo t, Observed observed) {
    if (t.privs.length == 0) {
      return t.fpHash;
    }
    return ThreadInfo.summand(Terms.rename(t.term,
        p -> new Term.Priv(observed.observes(p.ident()) ? p.ident() : ANONYMOUS, 0)));
  }

  private static Map<Term.Priv, Integer> names(int[] state, ThreadTable table) {
    Map<Term.Priv, Integer> local = new LinkedHashMap<>();
    for (int id : state) {
      for (Term.Priv p : table.get(id).distinctPrivs) {
        local.putIfAbsent(p, local.size());
      }
    }
    return local;
  }

  /** Each name's position in the canonical order of all names. */
  private int[] label() {
    int n = names.length;
    long[] colour = new long[n];
    for (int i = 0; i < n; i++) {
      colour[i] = Terms.mix(Terms.hashString(keeps[i] ? names[i].ident() : ANONYMOUS));
    }
    refine(colour);
    int[] label = labelling(colour);
    if (label == null) {
      search(colour, new int[0]);
      label = bestLabel;
    }
    return label;
  }

  // ---- refinement

  /** Refines {@code colour} in place to a fixpoint (the number of colours stops growing). */
  private void refine(long[] colour) {
    int n = colour.length;
    int cells = cells(colour);
    long[] next = new long[n];
    while (cells < n) {
      Arrays.fill(next, 0);
      for (int h = 0; h < at.length; h++) {
        int[] where = at[h];
        long[] slot = slots[h];
        long context = 0;
        for (int q = 0; q < where.length; q++) {
          context += Terms.mix(slot[q] * CONTEXT + colour[where[q]]);
        }
        for (int q = 0; q < where.length; q++) {
          next[where[q]] += Terms.mix(shapes[h] + slot[q] * SLOT + context);
        }
      }
      for (int i = 0; i < n; i++) {
        colour[i] = Terms.mix(colour[i] * 31 + next[i]);
      }
      int now = cells(colour);
      if (now == cells) {
        break;
      }
      cells = now;
    }
  }

  /** The number of distinct colours (a name's colour includes its identifier's). */
  private int cells(long[] colour) {
    System.arraycopy(colour, 0, scratch, 0, colour.length);
    Arrays.sort(scratch);
    int cells = colour.length == 0 ? 0 : 1;
    for (int i = 1; i < scratch.length; i++) {
      if (scratch[i] != scratch[i - 1]) {
        cells++;
      }
    }
    return cells;
  }

  /** Names in canonical order: by identifier, then colour. */
  private Integer[] order(long[] colour) {
    Integer[] order = new Integer[names.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Integer.compare(group[a], group[b]);
      return c != 0 ? c : Long.compare(colour[a], colour[b]);
    });
    return order;
  }

  /** Each name's position in the canonical order, or null while two names tie. */
  private int[] labelling(long[] colour) {
    int n = colour.length;
    System.arraycopy(colour, 0, scratch, 0, n);
    Arrays.sort(scratch);
    for (int i = 1; i < n; i++) {
      if (scratch[i] == scratch[i - 1]) {
        return labellingByGroup(colour); // a tie, or (rarely) equal colours of two identifiers
      }
    }
    int[] byColour = new int[n];
    for (int i = 0; i < n; i++) {
      byColour[Arrays.binarySearch(scratch, 0, n, colour[i])] = i;
    }
    int[] next = groupStart.clone();
    int[] label = new int[n];
    for (int i : byColour) {
      label[i] = next[group[i]]++;
    }
    return label;
  }

  private int[] labellingByGroup(long[] colour) {
    Integer[] order = order(colour);
    int[] label = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      if (r > 0 && tie(order[r - 1], order[r], colour)) {
        return null;
      }
      label[order[r]] = r;
    }
    return label;
  }

  private boolean tie(int a, int b, long[] colour) {
    return group[a] == group[b] && colour[a] == colour[b];
  }

  // ---- individualise and refine

  private void search(long[] colour, int[] prefix) {
    refine(colour);
    int[] label = labelling(colour);
    if (label != null) {
      leaf(label);
      return;
    }
    int[] cell = firstTiedCell(colour);
    if (twins(cell[0], cell)) {
      // every permutation of the cell is an automorphism: any order of individualising its
      // names gives the same leaves, so take one without branching
      long[] individual = colour.clone();
      for (int i = 0; i < cell.length; i++) {
        individual[cell[i]] = Terms.mix(individual[cell[i]] + MARK * (prefix.length + 1) + i);
      }
      int[] longer = Arrays.copyOf(prefix, prefix.length + cell.length);
      System.arraycopy(cell, 0, longer, prefix.length, cell.length);
      search(individual, longer);
      return;
    }
    List<Integer> explored = new ArrayList<>();
    for (int v : cell) {
      if (!explored.isEmpty() && (isTwinOfExplored(v, explored)
          || inExploredOrbit(v, explored, prefix))) {
        continue;
      }
      explored.add(v);
      long[] individual = colour.clone();
      individual[v] = Terms.mix(individual[v] + MARK * (prefix.length + 1));
      int[] longer = Arrays.copyOf(prefix, prefix.length + 1);
      longer[prefix.length] = v;
      search(individual, longer);
    }
  }

  /**
   * Whether swapping any two names of {@code names} fixes the state: each occurs only in parts
   * that mention it alone (or threads that do), and the names' parts are alike and sit in the
   * same collections, so a swap permutes the parts of each collection. Sufficient, not
   * necessary: names that fail are searched.
   */
  private boolean twins(int first, int[] names) {
    if (twinnable == null) {
      twinSignatures();
    }
    for (int v : names) {
      if (!twinnable[v] || twinSignature[v] != twinSignature[first]) {
        return false;
      }
    }
    return twinnable[first];
  }

  private boolean isTwinOfExplored(int v, List<Integer> explored) {
    for (int u : explored) {
      if (twins(u, new int[] {v})) {
        return true;
      }
    }
    return false;
  }

  private void twinSignatures() {
    twinnable = new boolean[names.length];
    Arrays.fill(twinnable, true);
    twinSignature = new long[names.length];
    for (int h = 0; h < at.length; h++) {
      ThreadInfo t = table.get(state[holders[h]]);
      int[] where = at[h];
      for (int q = 0; q < where.length; q++) {
        long member = t.members[q];
        if (member == Occurrences.NO_MEMBER) {
          twinnable[where[q]] = false;
          continue;
        }
        if (q > 0 && t.members[q - 1] == member && where[q - 1] == where[q]) {
          continue; // the same part again
        }
        long collection = member == Occurrences.WHOLE_THREAD ? MARK
            : Terms.mix(h * CONTEXT + Occurrences.collection(member));
        twinSignature[where[q]] += Terms.mix(collection + t.memberShapes[q] * SLOT);
      }
    }
  }

  private int[] firstTiedCell(long[] colour) {
    Integer[] order = order(colour);
    int start = 0;
    while (true) {
      int end = start + 1;
      while (end < order.length && tie(order[start], order[end], colour)) {
        end++;
      }
      if (end - start > 1) {
        int[] cell = new int[end - start];
        for (int i = 0; i < cell.length; i++) {
          cell[i] = order[start + i];
        }
        Arrays.sort(cell);
        return cell;
      }
      start = end;
    }
  }

  /** A complete labelling: keep it if its renamed threads sort least; else learn from it. */
  private void leaf(int[] label) {
    if (bestLabel == null) {
      // the first leaf wins unless another comes: its encoding waits for one (twin cells
      // reach a single leaf, and renaming every thread to encode it is most of the cost)
      bestLabel = label;
      return;
    }
    if (best == null) {
      best = encoding(bestLabel);
    }
    long[] encoding = encoding(label);
    int c = Arrays.compare(encoding, best);
    if (c < 0) {
      best = encoding;
      bestLabel = label;
    } else if (c == 0) {
      // both labellings give the same state: their difference is an automorphism
      int[] byLabel = new int[label.length];
      for (int i = 0; i < label.length; i++) {
        byLabel[bestLabel[i]] = i;
      }
      int[] sigma = new int[label.length];
      for (int i = 0; i < label.length; i++) {
        sigma[i] = byLabel[label[i]];
      }
      automorphisms.add(sigma);
    }
  }

  /** Whether an automorphism that fixes {@code prefix} maps v onto an explored sibling. */
  private boolean inExploredOrbit(int v, List<Integer> explored, int[] prefix) {
    int[] parent = new int[names.length];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int[] sigma : automorphisms) {
      boolean fixes = true;
      for (int p : prefix) {
        fixes &= sigma[p] == p;
      }
      if (fixes) {
        for (int i = 0; i < sigma.length; i++) {
          parent[root(parent, i)] = root(parent, sigma[i]);
        }
      }
    }
    int r = root(parent, v);
    for (int u : explored) {
      if (root(parent, u) == r) {
        return true;
      }
    }
    return false;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The sorted hashes of the name-bearing threads renamed by {@code label}. */
  private long[] encoding(int[] label) {
    Term.Priv[] target = targets(label);
    long[] out = new long[holders.length];
    for (int h = 0; h < holders.length; h++) {
      out[h] = Terms.hash(Terms.rename(table.get(state[holders[h]]).term,
          p -> target[local.get(p)]));
    }
    Arrays.sort(out);
    return out;
  }

  // ---- the renamed state

  /**
   * A name at canonical position r is numbered by its rank within its group, and keeps its
   * identifier when that is observed.
   */
  private Term.Priv[] targets(int[] label) {
    Term.Priv[] target = new Term.Priv[names.length];
    for (int i = 0; i < names.length; i++) {
      target[i] = new Term.Priv(keeps[i] ? names[i].ident() : ANONYMOUS,
          label[i] - groupStart[group[i]]);
    }
    return target;
  }

  private int[] renamed(int[] label) {
    Term.Priv[] target = targets(label);
    boolean same = true;
    for (int i = 0; i < names.length; i++) {
      same &= target[i].equals(names[i]);
    }
    if (same) {
      return state;
    }
    int[] out = new int[state.length];
    for (int i = 0; i < state.length; i++) {
      out[i] = renamed(table.get(state[i]), target);
    }
    Arrays.sort(out);
    return out;
  }

  /** The thread with the renaming applied; renamings of a thread are cached on it. */
  private int renamed(ThreadInfo t, Term.Priv[] target) {
    if (t.privs.length == 0) {
      return t.id;
    }
    int[] indices = new int[t.distinctPrivs.length];
    boolean same = true;
    for (int i = 0; i < indices.length; i++) {
      Term.Priv to = target[local.get(t.distinctPrivs[i])];
      same &= to.equals(t.distinctPrivs[i]);
      // the cache key tells an anonymous target from the name keeping its identifier
      indices[i] = to.ident().equals(ANONYMOUS) ? -1 - to.index() : to.index();
    }
    if (same) {
      return t.id;
    }
    int known = t.renamedId(indices);
    if (known >= 0) {
      return known;
    }
    int id = table.intern(Terms.rename(t.term, p -> target[local.get(p)])).id;
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
