package rhoscope.engine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * An interned thread: a closed send, receive or choice, known by a dense int id, with the
 * precomputed data the explorer needs on its hot path.
 */
public final class ThreadInfo {
  /** What a thread does; decides which COMMs consume it and how a stuck state is judged. */
  public enum Kind { SEND, PERSISTENT_SEND, LINEAR, PERSISTENT, PEEK, CHOICE }

  private static final int CACHE = 16;
  /** Direct-mapped COMM cache entries per receive (a join may see many message tuples). */
  private static final int MEMO = 64;
  private static final int MEMO_START = 4;
  /** Slots an entry may lie from its home slot (linear probing). */
  private static final int PROBES = 4;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Memo[].class);
  private static final VarHandle RENAMED = MethodHandles.arrayElementVarHandle(Renamed[].class);

  public final int id;
  public final Term term;
  public final Kind kind;
  /** The mixed structural hash; a state's fingerprint is the sum over its threads. */
  public final long fpHash;
  /** Channel ids: the send's channel, or one per bind. */
  public final int[] channels;
  /** For a select, the number of binds of each branch (channels lists them in order). */
  public final int[] branchArity;
  /** Private name occurrences (repeats kept); empty for most threads. */
  final Term.Priv[] privs;
  /** The position key of each occurrence ({@link Occurrences}), invariant under renumbering. */
  final long[] slots;
  /** Per occurrence, the outermost part around it that mentions its name alone (Occurrences). */
  final long[] members;
  final long[] memberShapes;
  /** The distinct private names, in order of first occurrence. */
  final Term.Priv[] distinctPrivs;
  /** The hash with private names reduced to their identifiers. */
  final long shapeHash;
  /**
   * For a thread of one distinct private name, the hash of the thread up to renaming it (the
   * name made anonymous); else 0. {@link Canon#identity} sums these per name.
   */
  final long soloHash;
  /** For a thread of one distinct private name, a hash of that name (to find it fast); else 0. */
  final long soloKey;
  /** A direct-mapped cache of COMM results by (branch, messages); entries are immutable. */
  private volatile Memo[] memo;

  /** A COMM result for select branch {@code branch} with messages {@code sends}. */
  record Memo(int branch, int[] sends, CommEffect result) {
    boolean matches(int b, int[] s, int n) {
      if (b != branch || sends.length != n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (sends[i] != s[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** This thread with its distinct private names renumbered to {@code indices}. */
  record Renamed(int[] indices, int id) {}

  private final Renamed[] renamed;

  ThreadInfo(int id, Term term, Kind kind, int[] channels, Occurrences occurrences) {
    List<Term.Priv> privs = occurrences.privs();
    this.id = id;
    this.term = term;
    this.kind = kind;
    this.fpHash = summand(term);
    this.channels = channels;
    this.branchArity = term instanceof Term.Choice c
        ? c.branches().stream().mapToInt(b -> b.binds().size()).toArray() : null;
    this.privs = privs.toArray(new Term.Priv[0]);
    this.slots = occurrences.slots();
    this.members = occurrences.members();
    this.memberShapes = occurrences.memberShapes();
    this.distinctPrivs = new java.util.LinkedHashSet<>(privs).toArray(new Term.Priv[0]);
    this.renamed = privs.isEmpty() ? null : new Renamed[CACHE];
    this.shapeHash = privs.isEmpty() ? fpHash : Terms.mix(Terms.hash(term, true));
    Term.Priv anonymous = new Term.Priv(Canon.ANONYMOUS, 0);
    this.soloHash = distinctPrivs.length != 1 ? 0
        : Terms.mix(Terms.hash(Terms.rename(term, p -> anonymous)) ^ 0x632BE59BD9B4E019L);
    this.soloKey = distinctPrivs.length != 1 ? 0
        : Terms.mix(Terms.hashString(distinctPrivs[0].ident()) + distinctPrivs[0].index());
  }

  /** A term's summand of a state fingerprint. */
  static long summand(Term term) {
    return Terms.mix(Terms.hash(term) ^ 0x2545F4914F6CDD1DL);
  }

  public int id() {
    return id;
  }

  public Term term() {
    return term;
  }

  /** The structural hash, the thread's summand of a state fingerprint (the same in any run). */
  public long hash() {
    return fpHash;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isSend() {
    return kind == Kind.SEND || kind == Kind.PERSISTENT_SEND;
  }

  /** A receive that a deadlock leaves waiting: {@code <-}, {@code <<-} and select. */
  public boolean waitsLinearly() {
    return kind == Kind.LINEAR || kind == Kind.PEEK || kind == Kind.CHOICE;
  }

  /** The id of this thread renamed as {@code indices} says, if cached; else -1. */
  int renamedId(int[] indices) {
    Renamed r = (Renamed) RENAMED.getAcquire(renamed, java.util.Arrays.hashCode(indices) & (CACHE - 1));
    return r != null && java.util.Arrays.equals(r.indices(), indices) ? r.id() : -1;
  }

  void cacheRenamed(int[] indices, int id) {
    RENAMED.setRelease(renamed, java.util.Arrays.hashCode(indices) & (CACHE - 1),
        new Renamed(indices, id));
  }

  public CommEffect cached(int branch, int[] sends, int n) {
    // acquire pairs with the release in cache(): the produced threads' table slots, written
    // by the worker that computed the entry, are visible to the worker that reads it
    Memo[] table = memo;
    if (table == null) {
      return null;
    }
    int mask = table.length - 1;
    int i = slot(table, branch, sends, n);
    for (int p = 0; p < PROBES; p++) {
      Memo m = (Memo) SLOT.getAcquire(table, (i + p) & mask);
      if (m == null) {
        return null;
      }
      if (m.matches(branch, sends, n)) {
        return m.result();
      }
    }
    return null;
  }

  /**
   * Remembers a result. The table starts small (most receives see few message tuples) and
   * grows up to {@link #MEMO} slots when an entry finds no free slot within {@link #PROBES}
   * of its home (a receive that sees a dozen tuples keeps them all, instead of two that
   * share a slot evicting each other on every state); a full table overwrites the home
   * slot. Racing writers may lose entries, which only costs a recomputation.
   */
  public void cache(int branch, int[] sends, int n, CommEffect result) {
    Memo entry = new Memo(branch, java.util.Arrays.copyOf(sends, n), result);
    Memo[] table = memo;
    if (table == null) {
      table = new Memo[MEMO_START];
      table[slot(table, branch, sends, n)] = entry;
      memo = table; // volatile write publishes the new table with its entries
      return;
    }
    int mask = table.length - 1;
    int home = slot(table, branch, sends, n);
    for (int p = 0; p < PROBES; p++) {
      int i = (home + p) & mask;
      if (SLOT.getAcquire(table, i) == null) {
        SLOT.setRelease(table, i, entry);
        return;
      }
    }
    if (table.length >= MEMO) {
      SLOT.setRelease(table, home, entry);
      return;
    }
    Memo[] bigger = new Memo[table.length * 4];
    for (int j = 0; j < table.length; j++) {
      Memo e = (Memo) SLOT.getAcquire(table, j);
      if (e != null) {
        insert(bigger, e);
      }
    }
    insert(bigger, entry);
    memo = bigger;
  }

  /** Into a table no other thread sees yet: the first free slot from home, if any. */
  private static void insert(Memo[] table, Memo e) {
    int mask = table.length - 1;
    int home = slot(table, e.branch(), e.sends(), e.sends().length);
    for (int p = 0; p < PROBES; p++) {
      if (table[(home + p) & mask] == null) {
        table[(home + p) & mask] = e;
        return;
      }
    }
    table[home] = e;
  }

  private static int slot(Memo[] table, int branch, int[] sends, int n) {
    long h = branch;
    for (int i = 0; i < n; i++) {
      h = h * 0x9E3779B97F4A7C15L + sends[i];
    }
    return (int) (Terms.mix(h) & (table.length - 1));
  }
}
