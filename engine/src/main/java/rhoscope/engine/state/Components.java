package rhoscope.engine.state;

import java.util.Arrays;

/**
 * A state whose every thread that mentions private names mentions one unobserved name alone,
 * seen as its name-free threads and one component per name (the multiset of that name's
 * threads, each up to renaming its name). Up to renaming unobserved names such a state is
 * exactly its name-free threads and the multiset of its components, so its identity is the
 * name-free threads' hashes plus one mixed hash per component, found without labelling.
 * Whether a state is of this kind is invariant under renaming, so congruent states always
 * meet here. A COMM's successor is found from its parent's components by what the COMM removes
 * and produces, without rescanning the state. An instance serves one expanding thread.
 */
public final class Components {
  private static final long SLOT = 0xBF58476D1CE4E5B9L;
  private static final long CONTEXT = 0x9E3779B97F4A7C15L;

  private final ThreadTable table;
  private final Observed observed;
  private final long nameFree;
  private final Term.Priv[] names;
  /** Per name: its {@link ThreadInfo#soloKey}. */
  private final long[] keys;
  /** Per name: the sum of its threads' {@link ThreadInfo#soloHash}. */
  private final long[] sums;
  /** The sum of the components' mixed hashes. */
  private final long total;
  private Term.Priv[] workNames;
  private long[] workKeys;
  private long[] work;

  private Components(ThreadTable table, Observed observed, long nameFree, Term.Priv[] names,
      long[] keys, long[] sums) {
    this.table = table;
    this.observed = observed;
    this.nameFree = nameFree;
    this.names = names;
    this.keys = keys;
    this.sums = sums;
    long t = 0;
    for (long sum : sums) {
      t += hash(sum);
    }
    this.total = t;
  }

  /** The components of {@code state}, or null when it is not of this kind or has no names. */
  public static Components of(int[] state, ThreadTable table, Observed observed) {
    Term.Priv[] names = new Term.Priv[4];
    long[] keys = new long[4];
    long[] sums = new long[4];
    int n = 0;
    long nameFree = 0;
    for (int id : state) {
      ThreadInfo t = table.get(id);
      if (t.privs.length == 0) {
        nameFree += t.fpHash;
        continue;
      }
      if (t.distinctPrivs.length != 1) {
        return null;
      }
      Term.Priv p = t.distinctPrivs[0];
      int i = indexOf(names, keys, n, t);
      if (i == n) {
        if (observed.observes(p.ident())) {
          return null;
        }
        if (n == names.length) {
          names = Arrays.copyOf(names, 2 * n);
          keys = Arrays.copyOf(keys, 2 * n);
          sums = Arrays.copyOf(sums, 2 * n);
        }
        keys[n] = t.soloKey;
        names[n++] = p;
      }
      sums[i] += t.soloHash;
    }
    return n == 0 ? null : new Components(table, observed, nameFree, Arrays.copyOf(names, n),
        Arrays.copyOf(keys, n), Arrays.copyOf(sums, n));
  }

  /** This state's identity ({@link Canon#identity}). */
  public long identity() {
    return nameFree + total;
  }

  /**
   * The identity of this state less {@code removed} plus {@code produced} (thread ids, repeats
   * kept), or 0 when it is to be found by {@link Canon#identity}: that state is not of this
   * kind (a produced thread mentions two names, or an observed one) or keeps no name.
   */
  public long after(int[] removed, int[] produced) {
    int n = names.length;
    if (work == null || work.length < n + produced.length) {
      work = new long[n + produced.length];
      workNames = new Term.Priv[n + produced.length];
      workKeys = new long[n + produced.length];
      System.arraycopy(names, 0, workNames, 0, n);
      System.arraycopy(keys, 0, workKeys, 0, n);
    }
    System.arraycopy(sums, 0, work, 0, n);
    long free = nameFree;
    for (int id : removed) {
      ThreadInfo t = table.get(id);
      if (t.privs.length == 0) {
        free -= t.fpHash;
      } else {
        work[indexOf(names, keys, n, t)] -= t.soloHash;
      }
    }
    int m = n;
    for (int id : produced) {
      ThreadInfo t = table.get(id);
      if (t.privs.length == 0) {
        free += t.fpHash;
        continue;
      }
      if (t.distinctPrivs.length != 1) {
        return 0;
      }
      Term.Priv p = t.distinctPrivs[0];
      int i = indexOf(workNames, workKeys, m, t);
      if (i == m) {
        // a name the parent does not hold (this COMM made it)
        if (observed.observes(p.ident())) {
          return 0;
        }
        workKeys[m] = t.soloKey;
        workNames[m] = p;
        work[m++] = 0;
      }
      work[i] += t.soloHash;
    }
    // only the components the COMM changed are mixed again
    long id = free + total;
    boolean named = false;
    for (int i = 0; i < m; i++) {
      long before = i < n ? sums[i] : 0;
      if (work[i] != before) {
        id += hash(work[i]) - hash(before);
      }
      named |= work[i] != 0;
    }
    return named ? id : 0;
  }

  private static long hash(long sum) {
    return sum == 0 ? 0 : Terms.mix(sum * CONTEXT + SLOT);
  }

  /** The position of the name of {@code t} (one distinct name) among the first n, or n. */
  private static int indexOf(Term.Priv[] names, long[] keys, int n, ThreadInfo t) {
    Term.Priv p = t.distinctPrivs[0];
    for (int i = 0; i < n; i++) {
      Term.Priv q = names[i];
      if (q == p || keys[i] == t.soloKey && q.equals(p)) {
        return i;
      }
    }
    return n;
  }
}
