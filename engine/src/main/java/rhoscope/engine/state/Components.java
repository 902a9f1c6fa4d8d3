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
  /** Per name: the sum of its threads' {@link ThreadInfo#soloHash}. */
  private final long[] sums;
  private Term.Priv[] workNames;
  private long[] work;

  private Components(ThreadTable table, Observed observed, long nameFree, Term.Priv[] names,
      long[] sums) {
    this.table = table;
    this.observed = observed;
    this.nameFree = nameFree;
    this.names = names;
    this.sums = sums;
  }

  /** The components of {@code state}, or null when it is not of this kind or has no names. */
  public static Components of(int[] state, ThreadTable table, Observed observed) {
    Term.Priv[] names = new Term.Priv[4];
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
      int i = indexOf(names, n, p);
      if (i == n) {
        if (observed.observes(p.ident())) {
          return null;
        }
        if (n == names.length) {
          names = Arrays.copyOf(names, 2 * n);
          sums = Arrays.copyOf(sums, 2 * n);
        }
        names[n++] = p;
      }
      sums[i] += t.soloHash;
    }
    return n == 0 ? null : new Components(table, observed, nameFree, Arrays.copyOf(names, n),
        Arrays.copyOf(sums, n));
  }

  /** This state's identity ({@link Canon#identity}). */
  public long identity() {
    long id = nameFree;
    for (long s : sums) {
      id += hash(s);
    }
    return id;
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
      System.arraycopy(names, 0, workNames, 0, n);
    }
    System.arraycopy(sums, 0, work, 0, n);
    long free = nameFree;
    for (int id : removed) {
      ThreadInfo t = table.get(id);
      if (t.privs.length == 0) {
        free -= t.fpHash;
      } else {
        work[indexOf(names, n, t.distinctPrivs[0])] -= t.soloHash;
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
      int i = indexOf(workNames, m, p);
      if (i == m) {
        // a name the parent does not hold (this COMM made it)
        if (observed.observes(p.ident())) {
          return 0;
        }
        workNames[m] = p;
        work[m++] = 0;
      }
      work[i] += t.soloHash;
    }
    long id = free;
    boolean named = false;
    for (int i = 0; i < m; i++) {
      id += hash(work[i]);
      named |= work[i] != 0;
    }
    return named ? id : 0;
  }

  private static long hash(long sum) {
    return sum == 0 ? 0 : Terms.mix(sum * CONTEXT + SLOT);
  }

  private static int indexOf(Term.Priv[] names, int n, Term.Priv p) {
    for (int i = 0; i < n; i++) {
      Term.Priv q = names[i];
      if (q == p || q.index() == p.index() && q.ident().equals(p.ident())) {
        return i;
      }
    }
    return n;
  }
}
