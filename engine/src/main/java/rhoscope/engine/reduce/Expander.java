package rhoscope.engine.reduce;

import rhoscope.engine.state.Canon;
import rhoscope.engine.state.Components;
import rhoscope.engine.state.CommEffect;
import rhoscope.engine.state.Observed;
import rhoscope.engine.state.ThreadInfo;
import rhoscope.engine.state.ThreadTable;
import java.util.Arrays;

/**
 * Finds the COMMs enabled in a state and builds their successors. Sends are grouped by
 * channel in a table indexed by channel id (stamped per state, never cleared), so finding a
 * bind's partners is an array read and a receive with a bind on an empty channel is skipped
 * at once. COMM results, with what they consume and the fingerprint change, are memoised
 * per (receiver, branch, messages), so a persistent join that sees the same messages again
 * costs a cache probe. Scratch buffers are reused: one expander per worker thread.
 *
 * <p>Edge fingerprints are identities ({@link Machine#identity}) under what the expander
 * observes. When no renaming is needed, they are computed incrementally and all
 * of a state's edges are announced to {@link Sink#prefetch} before any {@link Sink#edge}:
 * a visited-set lookup is a cache miss, and issuing them together lets them overlap.
 */
public final class Expander {
  /** Receives the successors of one state. */
  public interface Sink {
    /** The fingerprints of the edges about to be reported; a hint, the default ignores it. */
    default void prefetch(long[] fps, int n) {}

    /**
     * A COMM by receiver {@code recv} (select branch {@code branch}) on the messages
     * {@code sends[0..n)} (a scratch buffer, valid during the call) leads to a state with
     * identity {@code fp} (under what the expander observes, {@link Machine#identity}). Return true to be handed that state's threads next.
     */
    boolean edge(long fp, int recv, int branch, int[] sends, int n);

    /** The successor announced by the last {@link #edge} that returned true. */
    void state(int[] next);

    /**
     * The same successor as {@code buf[0..len)}, a scratch buffer valid during the call; the
     * expander hands it this way on its fast path, so a sink that copies the threads where it
     * keeps them (the parallel explorer's frontier) allocates nothing per successor. The
     * default copies it for {@link #state(int[])}.
     */
    default void state(int[] buf, int len) {
      state(Arrays.copyOf(buf, len));
    }

    /**
     * A COMM by {@code recv} on {@code sends[0..n)} is enabled but its result would hold a
     * value beyond {@link Limits}: it is counted as a step (the state is not stuck) but has
     * no successor. The default ignores it ({@code Program.successors} omits such steps).
     */
    default void tooLarge(int recv, int branch, int[] sends, int n) {}
  }

  private final Machine m;
  private final ThreadTable table;
  /** What edge fingerprints tell apart (the machine's own observations included). */
  private final Observed observed;
  /** Whether successors are their own identity (fingerprints updated per COMM). */
  private final boolean exact;
  /** The components of the state being expanded, where it has them ({@link Components}). */
  private Components components;
  private int[] sendIds = new int[16];
  private int[] sendCounts = new int[16];
  private int[] sendChannel = new int[16];
  private int sendCount;
  private static final int RECEIVE = 1;
  /** Per thread id, see {@link #code}; 0 = not looked up yet. */
  private int[] codes = new int[256];
  /** The state's distinct receives, in id order. */
  private ThreadInfo[] recvs = new ThreadInfo[16];
  private int recvCount;
  // the state's distinct sends grouped by channel: channel c's are bucket[chanStart[c] ..
  // chanStart[c] + chanCount[c]) when chanStamp[c] == epoch (else c has no message)
  private int epoch;
  private int[] chanStamp = new int[64];
  private int[] chanStart = new int[64];
  private int[] chanCount = new int[64];
  private int[] touched = new int[16];
  private int[] bucket = new int[16];
  private int[] chosen = new int[4];

  // edges of the state being expanded (fast path): parallel arrays
  private int edges;
  private long[] edgeFp = new long[16];
  private int[] edgeRecv = new int[16];
  private int[] edgeBranch = new int[16];
  private CommEffect[] edgeComm = new CommEffect[16];
  /** Where the fast path builds a successor's threads. */
  private int[] successor = new int[16];

  Expander(Machine m, Observed observed) {
    this.m = m;
    this.table = m.table;
    this.observed = observed;
    this.exact = m.exact(observed);
  }

  /** Calls the sink once per enabled COMM; returns how many there were. */
  public int expand(int[] state, long fp, Sink sink) {
    indexSends(state);
    components = exact ? null : Components.of(state, table, observed);
    edges = 0;
    int total = 0;
    for (int r = 0; r < recvCount; r++) {
      ThreadInfo t = recvs[r];
      int[] arity = t.branchArity;
      if (arity != null) {
        // a nondeterministic choice: every branch whose binds can be satisfied is offered;
        // whichever COMM happens consumes the whole select (the other branches vanish)
        int offset = 0;
        for (int b = 0; b < arity.length; b++) {
          total += combos(state, fp, sink, t, b, offset, arity[b], 0);
          offset += arity[b];
        }
      } else {
        total += combos(state, fp, sink, t, 0, 0, t.channels.length, 0);
      }
    }
    if (edges > 0) {
      flush(state, sink);
    }
    return total;
  }

  private void indexSends(int[] state) {
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(chanStamp, 0);
      epoch = 1;
    }
    int n = 0;
    int nt = 0;
    int prev = -1;
    int nr = 0;
    int prevRecv = -1;
    for (int id : state) {
      int c = code(id);
      if (c == RECEIVE) {
        if (id != prevRecv) { // copies of one receive give the same successors
          prevRecv = id;
          if (nr == recvs.length) {
            recvs = Arrays.copyOf(recvs, nr * 2);
          }
          recvs[nr++] = table.get(id);
        }
        continue;
      }
      if (id == prev) {
        sendCounts[n - 1]++;
        continue;
      }
      prev = id;
      if (n == sendIds.length) {
        sendIds = Arrays.copyOf(sendIds, n * 2);
        sendCounts = Arrays.copyOf(sendCounts, n * 2);
        sendChannel = Arrays.copyOf(sendChannel, n * 2);
        touched = Arrays.copyOf(touched, n * 2);
        bucket = Arrays.copyOf(bucket, n * 2);
      }
      int ch = (c - 2) >>> 1;
      if (ch >= chanStamp.length) {
        int len = Math.max(ch + 1, 2 * chanStamp.length);
        chanStamp = Arrays.copyOf(chanStamp, len);
        chanStart = Arrays.copyOf(chanStart, len);
        chanCount = Arrays.copyOf(chanCount, len);
      }
      if (chanStamp[ch] != epoch) {
        chanStamp[ch] = epoch;
        chanCount[ch] = 0;
        touched[nt++] = ch;
      }
      chanCount[ch]++;
      sendIds[n] = id;
      sendCounts[n] = 1;
      sendChannel[n] = ch;
      n++;
    }
    int pos = 0;
    for (int i = 0; i < nt; i++) {
      int ch = touched[i];
      chanStart[ch] = pos;
      pos += chanCount[ch];
      chanCount[ch] = 0; // refilled below
    }
    for (int i = 0; i < n; i++) {
      int ch = sendChannel[i];
      bucket[chanStart[ch] + chanCount[ch]++] = i;
    }
    sendCount = n;
    recvCount = nr;
  }

  /**
   * What thread {@code id} is, cached per expander so the hot loops read one small array:
   * {@link #RECEIVE}, or 2 + 2 * channel (+ 1 for a persistent send) for a send.
   */
  private int code(int id) {
    if (id < codes.length) {
      int c = codes[id];
      if (c != 0) {
        return c;
      }
    } else {
      codes = Arrays.copyOf(codes, Math.max(id + 1, 2 * codes.length));
    }
    ThreadInfo t = table.get(id);
    int c = t.isSend()
        ? 2 + 2 * t.channels[0] + (t.kind == ThreadInfo.Kind.PERSISTENT_SEND ? 1 : 0)
        : RECEIVE;
    codes[id] = c;
    return c;
  }

  /** Whether channel {@code ch} has a message in the indexed state. */
  private boolean hasMessage(int ch) {
    return ch < chanStamp.length && chanStamp[ch] == epoch;
  }

  /** Chooses a message for binds j.. of the receiver; emits one edge per matching choice. */
  private int combos(int[] state, long fp, Sink sink, ThreadInfo t, int branch, int offset, int k,
      int j) {
    if (j == k) {
      CommEffect comm = m.comm(t, branch, chosen, k);
      if (comm == Machine.NO_MATCH) {
        return 0;
      }
      if (comm == Machine.TOO_LARGE) {
        sink.tooLarge(t.id, branch, chosen, k);
        return 1;
      }
      emit(state, fp, sink, t, branch, k, comm);
      return 1;
    }
    if (chosen.length < k) {
      chosen = Arrays.copyOf(chosen, k);
    }
    if (j == 0) {
      for (int i = 0; i < k; i++) {
        if (!hasMessage(t.channels[offset + i])) {
          return 0; // some bind has no message at all
        }
      }
    }
    int channel = t.channels[offset + j];
    int found = 0;
    int end = chanStart[channel] + chanCount[channel];
    for (int p = chanStart[channel]; p < end; p++) {
      int idx = bucket[p];
      int id = sendIds[idx];
      if ((codes[id] & 1) == 0 && used(id, j) >= sendCounts[idx]) {
        continue; // every copy of this message is already taken by an earlier bind
      }
      chosen[j] = id;
      found += combos(state, fp, sink, t, branch, offset, k, j + 1);
    }
    return found;
  }

  private int used(int id, int j) {
    int c = 0;
    for (int i = 0; i < j; i++) {
      if (chosen[i] == id) {
        c++;
      }
    }
    return c;
  }

  private void emit(int[] state, long fp, Sink sink, ThreadInfo t, int branch, int k,
      CommEffect comm) {
    if (!exact) {
      int[] rem = comm.removed();
      long id = components == null ? 0 : components.after(rem, comm.produced());
      if (id != 0) {
        // the successor's identity from the parent's components: the state is made only
        // when it is new (an identity is invariant under renaming, so canonical or not)
        if (sink.edge(id, t.id, branch, chosen, k)) {
          int[] next = merge(state, rem, comm.produced());
          sink.state(m.needsCanon ? Canon.canonical(next, table) : next);
        }
        return;
      }
      int[] next = merge(state, rem, comm.produced());
      if (m.needsCanon) {
        next = Canon.canonical(next, table);
      }
      if (sink.edge(Canon.identity(next, table, observed), t.id, branch, chosen, k)) {
        sink.state(next);
      }
      return;
    }
    int e = edges++;
    if (e == edgeFp.length) {
      int n = edgeFp.length * 2;
      edgeFp = Arrays.copyOf(edgeFp, n);
      edgeRecv = Arrays.copyOf(edgeRecv, n);
      edgeBranch = Arrays.copyOf(edgeBranch, n);
      edgeComm = Arrays.copyOf(edgeComm, n);
    }
    edgeFp[e] = fp + comm.delta();
    edgeRecv[e] = t.id;
    edgeBranch[e] = branch;
    edgeComm[e] = comm;
  }

  private void flush(int[] state, Sink sink) {
    sink.prefetch(edgeFp, edges);
    for (int e = 0; e < edges; e++) {
      CommEffect comm = edgeComm[e];
      int[] sends = comm.sends();
      System.arraycopy(sends, 0, chosen, 0, sends.length);
      if (sink.edge(edgeFp[e], edgeRecv[e], edgeBranch[e], chosen, sends.length)) {
        int[] rem = comm.removed();
        int len = state.length - rem.length + comm.produced().length;
        if (successor.length < len) {
          successor = new int[Math.max(len, 2 * successor.length)];
        }
        merge(state, rem, comm.produced(), successor);
        sink.state(successor, len);
      }
      edgeComm[e] = null;
    }
    edges = 0;
  }

  /** state minus rem (one occurrence each) plus produced, kept sorted. */
  private static int[] merge(int[] state, int[] rem, int[] produced) {
    int[] out = new int[state.length - rem.length + produced.length];
    merge(state, rem, produced, out);
    return out;
  }

  /** {@link #merge(int[], int[], int[])} into {@code out}, which has room. */
  private static void merge(int[] state, int[] rem, int[] produced, int[] out) {
    int o = 0;
    int j = 0;
    int end = rem.length;
    int k = 0;
    for (int x : state) {
      if (j < end && rem[j] == x) {
        j++;
        continue;
      }
      while (k < produced.length && produced[k] < x) {
        out[o++] = produced[k++];
      }
      out[o++] = x;
    }
    while (k < produced.length) {
      out[o++] = produced[k++];
    }
  }
}
