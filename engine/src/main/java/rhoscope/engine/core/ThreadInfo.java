package rhoscope.engine.core;

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
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Memo[].class);
  private static final VarHandle RENAMED = MethodHandles.arrayElementVarHandle(Renamed[].class);

  final int id;
  final Term term;
  final Kind kind;
  /** The mixed structural hash; a state's fingerprint is the sum over its threads. */
  final long fpHash;
  /** Channel ids: the send's channel, or one per bind. */
  final int[] channels;
  /** Private names in traversal order (repeats kept); empty for most threads. */
  final Term.Priv[] privs;
  /** The distinct private names, in order of first occurrence. */
  final Term.Priv[] distinctPrivs;
  /** The hash with private names reduced to their identifiers. */
  final long shapeHash;
  /** A direct-mapped cache of single-message COMM results; entries are immutable. */
  private final Memo[] memo;

  record Memo(int send, Machine.Comm result) {}

  /** This thread with its distinct private names renumbered to {@code indices}. */
  record Renamed(int[] indices, int id) {}

  private final Renamed[] renamed;

  ThreadInfo(int id, Term term, Kind kind, int[] channels, List<Term.Priv> privs) {
    this.id = id;
    this.term = term;
    this.kind = kind;
    this.fpHash = Terms.mix(Terms.hash(term) ^ 0x2545F4914F6CDD1DL);
    this.channels = channels;
    this.privs = privs.toArray(new Term.Priv[0]);
    this.distinctPrivs = new java.util.LinkedHashSet<>(privs).toArray(new Term.Priv[0]);
    this.renamed = privs.isEmpty() ? null : new Renamed[CACHE];
    this.shapeHash = privs.isEmpty() ? fpHash : Terms.mix(Terms.hash(term, true));
    this.memo = kind == Kind.SEND || kind == Kind.PERSISTENT_SEND ? null : new Memo[CACHE];
  }

  public int id() {
    return id;
  }

  public Term term() {
    return term;
  }

  public Kind kind() {
    return kind;
  }

  boolean isSend() {
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

  Machine.Comm cached(int send) {
    // acquire pairs with the release in cache(): the produced threads' table slots, written
    // by the worker that computed the entry, are visible to the worker that reads it
    Memo m = (Memo) SLOT.getAcquire(memo, send & (CACHE - 1));
    return m != null && m.send() == send ? m.result() : null;
  }

  void cache(int send, Machine.Comm result) {
    SLOT.setRelease(memo, send & (CACHE - 1), new Memo(send, result));
  }
}
