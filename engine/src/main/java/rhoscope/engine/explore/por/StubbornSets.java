package rhoscope.engine.explore.por;

import java.util.Arrays;
import rhoscope.engine.reduce.Expander;

/**
 * Stubborn sets from syntactic independence. In a state, a group is the closure of one enabled
 * receive under: (a) a receive that can ever fire and shares a channel with the group joins it
 * (it would compete for the group's messages or listeners; a join or select joins with all its
 * channels); (b) a receive that can ever fire and whose continuation, at any depth, may put a
 * thread on one of the group's channels (or on a channel only its data decides) joins it. The
 * state then explores only the COMMs of the group's receives. Outside the group, no sequence of
 * COMMs consumes or produces a thread on the group's channels, so each of them commutes with
 * every group COMM and none enables or disables one: the group is persistent (a stubborn set),
 * and every stuck state stays reachable (Godefroid's theorem; the shortest path to a stuck
 * state must take a group COMM, which can be moved to its front).
 *
 * <p>Observing channels adds two conditions, so that every reachable valuation of the observed
 * threads stays reachable (the ample-set conditions C2 and C3 of Clarke, Grumberg and Peled):
 * a group that is not the whole enabled set holds no visible COMM, and the cycle proviso. The
 * proviso usual for depth-first search (no group edge closes a cycle on the stack) or for
 * breadth-first search (fully expand when a group successor was already visited) depends on
 * which worker first reached a state, so the explored counts would vary between runs. This one
 * does not: a group is taken only if each of its COMMs shrinks the state's count of receives
 * (a linear receive, a peek or a select consumes itself and its continuations run no received
 * process, see {@link Footprint#shrinks}). A cycle returns to the same count, so it cannot
 * consist of reduced states alone: every cycle of the reduced graph holds a fully expanded
 * state, which is what C3 asks. Groups with contracts or replication are therefore expanded
 * fully where channels are observed.
 *
 * <p>Of the valid groups the one with the fewest enabled receives is taken; on a tie, the one
 * whose seed has the least hash up to the renamings the state identity ignores, and where seeds
 * still tie with different groups (receives alike but for their names), the seed whose thread
 * the state's canonical labelling ranks first. Every copy of a state (the copies one identity
 * merges differ by identifiers and numbers of names) thus takes corresponding groups, so the
 * reduced graph, and its counts, do not depend on which copy a worker stored first.
 */
final class StubbornSets implements Reducer {
  private final Footprints footprints;
  private final Scratch scratch = new Scratch();

  StubbornSets(Footprints footprints) {
    this.footprints = footprints;
  }

  @Override
  public int expand(Expander expander, int[] state, long fingerprint, Expander.Sink sink) {
    int[] group = scratch.choose(state);
    if (group == null) {
      return expander.expand(state, fingerprint, sink);
    }
    Filter filter = new Filter(sink, group);
    int all = expander.expand(state, fingerprint, filter);
    if (filter.reported == 0 && all > 0) {
      // the group's receives had messages on their channels, but none matched: take them all
      return expander.expand(state, fingerprint, sink);
    }
    return filter.reported;
  }

  /** Passes on the COMMs of the group's receives only. */
  private static final class Filter implements Expander.Sink {
    private final Expander.Sink sink;
    private final int[] group;
    int reported;

    Filter(Expander.Sink sink, int[] group) {
      this.sink = sink;
      this.group = group;
    }

    @Override
    public void prefetch(long[] fps, int n) {
      sink.prefetch(fps, n);
    }

    @Override
    public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
      if (Arrays.binarySearch(group, recv) < 0) {
        return false;
      }
      reported++;
      return sink.edge(fp, recv, branch, sends, n);
    }

    @Override
    public void state(int[] next) {
      sink.state(next);
    }

    @Override
    public void tooLarge(int recv, int branch, int[] sends, int n) {
      if (Arrays.binarySearch(group, recv) >= 0) {
        reported++;
        sink.tooLarge(recv, branch, sends, n);
      }
    }
  }

  /** The worker's buffers: the state's receives and per-channel stamps, reused. */
  private final class Scratch {
    private int[] ids = new int[16];
    private Footprint[] recvs = new Footprint[16];
    private boolean[] enabled = new boolean[16];
    private boolean[] live = new boolean[16];
    private int[] member = new int[16];
    /** Per receive: its position in the state. */
    private int[] position = new int[16];
    /** The seeds tied for the best group. */
    private int[] tied = new int[16];
    private int count;
    /** Stamps the channels of the state being chosen for: message, avail. */
    private int epoch;
    /** Stamps the group being closed: member, inGroup. */
    private int mark;
    private int[] message = new int[64];
    private int[] avail = new int[64];
    private int[] inGroup = new int[64];

    /** The ids of the chosen group's enabled receives (sorted), or null to expand fully. */
    int[] choose(int[] state) {
      count = 0;
      int prev = -1;
      for (int p = 0; p < state.length; p++) {
        int id = state[p];
        if (id == prev) {
          continue;
        }
        prev = id;
        Footprint f = footprints.of(id);
        if (!f.send()) {
          add(id, p, f);
        }
      }
      if (count < 2) {
        return null;
      }
      stamp(state);
      int enabledCount = 0;
      for (int k = 0; k < count; k++) {
        enabled[k] = someBranch(recvs[k], message);
        live[k] = enabled[k];
        if (enabled[k]) {
          enabledCount++;
        }
      }
      if (enabledCount < 2) {
        return null;
      }
      canFire();
      int best = -1;
      int bestSize = enabledCount;
      int ties = 0;
      for (int k = 0; k < count; k++) {
        if (!enabled[k]) {
          continue;
        }
        int size = group(k, best < 0 ? enabledCount : bestSize + 1);
        if (size == 0) {
          continue;
        }
        if (best < 0 || size < bestSize || recvs[k].key() < recvs[best].key()) {
          best = k;
          bestSize = size;
          tied[0] = k;
          ties = 1;
        } else if (recvs[k].key() == recvs[best].key()) {
          tied[ties++] = k;
        }
      }
      if (best < 0) {
        return null;
      }
      int[] out = members(best, enabledCount, bestSize);
      int seed = ties > 1 ? canonicalSeed(state, out, ties) : best;
      return seed == best ? out : members(seed, enabledCount, bestSize);
    }

    /**
     * Of the tied seeds, the one the canonical labelling ranks first, unless they all close the
     * same group ({@code group}, the first one's), which is then the choice whatever the copy.
     */
    private int canonicalSeed(int[] state, int[] group, int ties) {
      boolean alike = true;
      for (int t = 1; t < ties && alike; t++) {
        alike = Arrays.equals(group, members(tied[t], count + 1, group.length));
      }
      if (alike) {
        return tied[0];
      }
      long[] identities = footprints.identities(state);
      int seed = tied[0];
      for (int t = 1; t < ties; t++) {
        if (identities[position[tied[t]]] < identities[position[seed]]) {
          seed = tied[t];
        }
      }
      return seed;
    }

    /** The sorted ids of the enabled receives of {@code seed}'s group, of {@code size}. */
    private int[] members(int seed, int limit, int size) {
      group(seed, limit);
      int[] out = new int[size];
      int o = 0;
      for (int k = 0; k < count; k++) {
        if (enabled[k] && member[k] == mark) {
          out[o++] = ids[k];
        }
      }
      return out;
    }

    private void add(int id, int at, Footprint f) {
      if (count == ids.length) {
        int n = count * 2;
        ids = Arrays.copyOf(ids, n);
        recvs = Arrays.copyOf(recvs, n);
        enabled = Arrays.copyOf(enabled, n);
        live = Arrays.copyOf(live, n);
        member = Arrays.copyOf(member, n);
        tied = Arrays.copyOf(tied, n);
        position = Arrays.copyOf(position, n);
      }
      ids[count] = id;
      position[count] = at;
      recvs[count] = f;
      count++;
    }

    /** Marks the channels that hold a message now (and starts a fresh epoch). */
    private void stamp(int[] state) {
      int channels = footprints.channelCount();
      if (channels > message.length) {
        int n = Math.max(channels, 2 * message.length);
        message = Arrays.copyOf(message, n);
        avail = Arrays.copyOf(avail, n);
        inGroup = Arrays.copyOf(inGroup, n);
      }
      if (++epoch == Integer.MAX_VALUE) {
        Arrays.fill(message, 0);
        Arrays.fill(avail, 0);
        epoch = 1;
      }
      for (int id : state) {
        Footprint f = footprints.of(id);
        if (f.send()) {
          message[f.channels()[0]] = epoch;
          avail[f.channels()[0]] = epoch;
        }
      }
    }

    /**
     * Marks the receives that can ever fire ({@code live}): those with messages for some branch
     * now or once receives that can fire have put threads on the channels their continuations
     * name. The others never take part in a COMM, so they constrain no group.
     */
    private void canFire() {
      boolean anywhere = false;
      for (int k = 0; k < count; k++) {
        if (live[k]) {
          anywhere |= spread(recvs[k]);
        }
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int k = 0; k < count; k++) {
          if (!live[k] && (anywhere || someBranch(recvs[k], avail))) {
            live[k] = true;
            anywhere |= spread(recvs[k]);
            changed = true;
          }
        }
      }
    }

    private boolean spread(Footprint f) {
      for (int ch : f.deep()) {
        avail[ch] = epoch;
      }
      return f.deepTop();
    }

    private boolean someBranch(Footprint f, int[] stamps) {
      for (int[] branch : f.branches()) {
        boolean all = true;
        for (int ch : branch) {
          all &= stamps[ch] == epoch;
        }
        if (all) {
          return true;
        }
      }
      return false;
    }

    /**
     * Closes the group of receive {@code seed} (marking {@code member} and {@code inGroup} with
     * a fresh mark) and returns how many enabled receives it holds, or 0 when it is not a
     * valid group smaller than {@code limit}.
     */
    private int group(int seed, int limit) {
      if (++mark == Integer.MAX_VALUE) {
        Arrays.fill(inGroup, 0);
        Arrays.fill(member, 0);
        mark = 1;
      }
      member[seed] = mark;
      join(recvs[seed]);
      if (!acceptable(seed)) {
        return 0;
      }
      int size = 1;
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int k = 0; k < count; k++) {
          if (member[k] == mark || !live[k] || !pulledIn(recvs[k])) {
            continue;
          }
          member[k] = mark;
          join(recvs[k]);
          changed = true;
          if (enabled[k]) {
            size++;
            if (size >= limit || !acceptable(k)) {
              return 0;
            }
          }
        }
      }
      return size;
    }

    private boolean acceptable(int k) {
      return !footprints.observing() || (!recvs[k].visible() && recvs[k].shrinks());
    }

    private boolean pulledIn(Footprint f) {
      if (f.deepTop()) {
        return true;
      }
      for (int ch : f.channels()) {
        if (inGroup[ch] == mark) {
          return true;
        }
      }
      for (int ch : f.deep()) {
        if (inGroup[ch] == mark) {
          return true;
        }
      }
      return false;
    }

    private void join(Footprint f) {
      for (int ch : f.channels()) {
        inGroup[ch] = mark;
      }
    }
  }
}
