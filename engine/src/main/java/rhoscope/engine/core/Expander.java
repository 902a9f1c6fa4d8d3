package rhoscope.engine.core;

import java.util.Arrays;

/**
 * Finds the COMMs enabled in a state and builds their successors. Sends are indexed by
 * channel (a sorted array searched per bind), so finding partners is a lookup. Scratch
 * buffers are reused: one expander per worker thread.
 *
 * <p>When no renaming is needed, successor fingerprints are computed incrementally and all
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
     * fingerprint {@code fp}. Return true to be handed that state's threads next.
     */
    boolean edge(long fp, int recv, int branch, int[] sends, int n);

    /** The successor announced by the last {@link #edge} that returned true. */
    void state(int[] next);
  }

  private final Machine m;
  private final ThreadTable table;
  private int[] sendIds = new int[16];
  private int[] sendCounts = new int[16];
  private long[] sendKeys = new long[16];
  private int sendCount;
  private int[] chosen = new int[4];
  private int[] removed = new int[8];

  // edges of the state being expanded (fast path): parallel arrays and two flat int pools
  private int edges;
  private long[] edgeFp = new long[16];
  private int[] edgeRecv = new int[16];
  private int[] edgeBranch = new int[16];
  private Machine.Comm[] edgeComm = new Machine.Comm[16];
  private int[] edgeSendsAt = new int[17];
  private int[] edgeRemovedAt = new int[17];
  private int[] sendPool = new int[32];
  private int[] removedPool = new int[32];

  Expander(Machine m) {
    this.m = m;
    this.table = m.table;
  }

  /** Calls the sink once per enabled COMM; returns how many there were. */
  public int expand(int[] state, long fp, Sink sink) {
    indexSends(state);
    edges = 0;
    int total = 0;
    int prev = -1;
    for (int id : state) {
      if (id == prev) {
        continue; // copies of one receive give the same successors
      }
      prev = id;
      ThreadInfo t = table.get(id);
      if (t.isSend()) {
        continue;
      }
      if (t.term instanceof Term.Choice c) {
        int offset = 0;
        for (int b = 0; b < c.branches().size(); b++) {
          int k = c.branches().get(b).binds().size();
          int found = combos(state, fp, sink, t, b, offset, k, 0);
          total += found;
          if (found > 0) {
            break; // the first branch that can fire wins
          }
          offset += k;
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
    int n = 0;
    int prev = -1;
    for (int id : state) {
      ThreadInfo t = table.get(id);
      if (!t.isSend()) {
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
        sendKeys = Arrays.copyOf(sendKeys, n * 2);
      }
      sendIds[n] = id;
      sendCounts[n] = 1;
      sendKeys[n] = ((long) t.channels[0] << 32) | n;
      n++;
    }
    Arrays.sort(sendKeys, 0, n);
    sendCount = n;
  }

  /** Chooses a message for binds j.. of the receiver; emits one edge per matching choice. */
  private int combos(int[] state, long fp, Sink sink, ThreadInfo t, int branch, int offset, int k,
      int j) {
    if (j == k) {
      Machine.Comm comm = m.comm(t, branch, chosen, k);
      if (comm == Machine.NO_MATCH) {
        return 0;
      }
      emit(state, fp, sink, t, branch, k, comm);
      return 1;
    }
    if (chosen.length < k) {
      chosen = Arrays.copyOf(chosen, k);
    }
    long channel = t.channels[offset + j];
    int found = 0;
    for (int p = lowerBound(channel << 32); p < sendCount && (sendKeys[p] >>> 32) == channel;
        p++) {
      int idx = (int) sendKeys[p];
      int id = sendIds[idx];
      if (table.get(id).kind == ThreadInfo.Kind.SEND && used(id, j) >= sendCounts[idx]) {
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

  private int lowerBound(long key) {
    int lo = 0;
    int hi = sendCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sendKeys[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void emit(int[] state, long fp, Sink sink, ThreadInfo t, int branch, int k,
      Machine.Comm comm) {
    int r = 0;
    if (removed.length < k + 1) {
      removed = new int[k + 1];
    }
    if (t.kind != ThreadInfo.Kind.PERSISTENT) {
      removed[r++] = t.id;
    }
    if (t.kind != ThreadInfo.Kind.PEEK) {
      for (int j = 0; j < k; j++) {
        if (table.get(chosen[j]).kind == ThreadInfo.Kind.SEND) {
          removed[r++] = chosen[j];
        }
      }
    }
    Arrays.sort(removed, 0, r);
    if (m.needsCanon) {
      int[] next = Canon.canonical(merge(state, removed, 0, r, comm.produced()), table);
      if (sink.edge(m.fingerprint(next), t.id, branch, chosen, k)) {
        sink.state(next);
      }
      return;
    }
    long next = fp + comm.hash();
    for (int i = 0; i < r; i++) {
      next -= table.get(removed[i]).fpHash;
    }
    record(next, t.id, branch, k, r, comm);
  }

  private void record(long fp, int recv, int branch, int k, int r, Machine.Comm comm) {
    int e = edges++;
    if (e + 1 >= edgeFp.length) {
      int n = edgeFp.length * 2;
      edgeFp = Arrays.copyOf(edgeFp, n);
      edgeRecv = Arrays.copyOf(edgeRecv, n);
      edgeBranch = Arrays.copyOf(edgeBranch, n);
      edgeComm = Arrays.copyOf(edgeComm, n);
      edgeSendsAt = Arrays.copyOf(edgeSendsAt, n + 1);
      edgeRemovedAt = Arrays.copyOf(edgeRemovedAt, n + 1);
    }
    edgeFp[e] = fp;
    edgeRecv[e] = recv;
    edgeBranch[e] = branch;
    edgeComm[e] = comm;
    int s = edgeSendsAt[e];
    if (s + k > sendPool.length) {
      sendPool = Arrays.copyOf(sendPool, Math.max(2 * sendPool.length, s + k));
    }
    System.arraycopy(chosen, 0, sendPool, s, k);
    edgeSendsAt[e + 1] = s + k;
    int q = edgeRemovedAt[e];
    if (q + r > removedPool.length) {
      removedPool = Arrays.copyOf(removedPool, Math.max(2 * removedPool.length, q + r));
    }
    System.arraycopy(removed, 0, removedPool, q, r);
    edgeRemovedAt[e + 1] = q + r;
  }

  private void flush(int[] state, Sink sink) {
    sink.prefetch(edgeFp, edges);
    for (int e = 0; e < edges; e++) {
      int s = edgeSendsAt[e];
      int k = edgeSendsAt[e + 1] - s;
      System.arraycopy(sendPool, s, chosen, 0, k);
      if (sink.edge(edgeFp[e], edgeRecv[e], edgeBranch[e], chosen, k)) {
        int q = edgeRemovedAt[e];
        sink.state(merge(state, removedPool, q, edgeRemovedAt[e + 1] - q,
            edgeComm[e].produced()));
      }
    }
    edges = 0;
  }

  /** state minus rem[at..at+r) (one occurrence each) plus produced, kept sorted. */
  private static int[] merge(int[] state, int[] rem, int at, int r, int[] produced) {
    int[] out = new int[state.length - r + produced.length];
    int o = 0;
    int j = at;
    int end = at + r;
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
    return out;
  }
}
