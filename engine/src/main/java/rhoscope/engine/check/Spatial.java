package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import rhoscope.lang.ast.type.Type;

/**
 * Decides spatial types (the structural constructors with the Boolean connectives) on one
 * multiset of threads. {@code T | U} enumerates the possible parts for the side that can hold
 * fewer threads ({@code "a"!(_) | true} looks at single threads, {@code "a"!(_) | "a"!(_)} at
 * pairs), drawn only from threads that can belong to it when that side is built from one-thread
 * types alone (pruning by thread kind and channel), with identical threads counted rather than
 * enumerated. Decisions on a {@code |} are remembered per sub-multiset.
 *
 * @param <X> a thread: a thread of a state, or a parallel component of a suspended process
 */
final class Spatial<X> {
  /** Whether one thread has a one-thread type ({@code n!(...)}, {@code for}, contract, {@code *n}). */
  interface AtomMatcher<X> {
    boolean matches(Type atom, X thread);
  }

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  private final List<X> distinct;
  private final int[] counts;
  private final int size;
  private final AtomMatcher<X> matcher;
  private final Map<Type, Map<Key, Boolean>> memo = new IdentityHashMap<>();
  private final Map<Type, int[]> sizes = new IdentityHashMap<>();
  private final Map<Type, int[]> candidates = new IdentityHashMap<>();

  Spatial(List<? extends X> threads, AtomMatcher<X> matcher) {
    Map<X, Integer> grouped = new LinkedHashMap<>();
    for (X t : threads) {
      grouped.merge(t, 1, Integer::sum);
    }
    this.distinct = new ArrayList<>(grouped.keySet());
    this.counts = grouped.values().stream().mapToInt(Integer::intValue).toArray();
    this.size = threads.size();
    this.matcher = matcher;
  }

  /** Whether the whole multiset has the spatial type {@code type}. */
  boolean holds(Type type) {
    return holds(type, counts.clone(), size);
  }

  /** {@code sub}: how many of each distinct thread the part holds; {@code total}: their sum. */
  private boolean holds(Type type, int[] sub, int total) {
    return switch (type) {
      case Type.True t -> true;
      case Type.False f -> false;
      case Type.Not n -> !holds(n.operand(), sub, total);
      case Type.And a -> holds(a.left(), sub, total) && holds(a.right(), sub, total);
      case Type.Or o -> holds(o.left(), sub, total) || holds(o.right(), sub, total);
      case Type.Nil n -> total == 0;
      case Type.Send s -> single(s, sub, total);
      case Type.Receive r -> single(r, sub, total);
      case Type.Contract c -> single(c, sub, total);
      case Type.Eval e -> single(e, sub, total);
      case Type.Par p -> {
        Map<Key, Boolean> cache = memo.computeIfAbsent(p, k -> new HashMap<>());
        Key key = new Key(sub.clone());
        Boolean known = cache.get(key);
        if (known == null) {
          known = par(p, sub, total);
          cache.put(key, known);
        }
        yield known;
      }
      default -> throw Support.notSpatial(type);
    };
  }

  private boolean single(Type atom, int[] sub, int total) {
    if (total != 1) {
      return false;
    }
    for (int i = 0; i < sub.length; i++) {
      if (sub[i] == 1) {
        return matcher.matches(atom, distinct.get(i));
      }
    }
    throw new IllegalStateException("a multiset of size one without its thread");
  }

  private boolean par(Type.Par par, int[] sub, int total) {
    int[] l = size(par.left());
    int[] r = size(par.right());
    boolean leftSmall = l[1] <= r[1];
    Type small = leftSmall ? par.left() : par.right();
    Type other = leftSmall ? par.right() : par.left();
    int[] s = leftSmall ? l : r;
    int[] o = leftSmall ? r : l;
    // The small part takes between lo and hi threads; the other part takes the rest.
    int lo = Math.max(s[0], o[1] == UNBOUNDED ? 0 : total - o[1]);
    int hi = Math.min(Math.min(s[1], total), total - o[0]);
    if (lo > hi) {
      return false;
    }
    int[] pool = candidates(small);
    int[] chosen = new int[sub.length];
    int[] rest = sub.clone();
    return choose(small, other, pool, 0, chosen, rest, 0, total, lo, hi);
  }

  /**
   * Visits each multiset drawn from {@code pool} once (adding copies in index order), testing
   * those whose size lies in [lo, hi]. {@code chosen} and {@code rest} are updated in place and
   * restored on return.
   */
  private boolean choose(Type small, Type other, int[] pool, int from, int[] chosen, int[] rest,
      int picked, int total, int lo, int hi) {
    if (picked >= lo && holds(small, chosen, picked) && holds(other, rest, total - picked)) {
      return true;
    }
    if (picked == hi) {
      return false;
    }
    for (int k = from; k < pool.length; k++) {
      int j = pool[k];
      if (rest[j] == 0) {
        continue;
      }
      chosen[j]++;
      rest[j]--;
      boolean found = choose(small, other, pool, k, chosen, rest, picked + 1, total, lo, hi);
      chosen[j]--;
      rest[j]++;
      if (found) {
        return true;
      }
    }
    return false;
  }

  /**
   * The threads that may belong to a part of type {@code type}: when the type is built from
   * one-thread types with {@code |}, {@code or}, {@code and} and {@code Nil}, only threads
   * matching one of them; otherwise every thread.
   */
  private int[] candidates(Type type) {
    int[] known = candidates.get(type);
    if (known != null) {
      return known;
    }
    List<Type> atoms = new ArrayList<>();
    int[] pool;
    if (atomsOnly(type, atoms)) {
      pool = IntStream.range(0, distinct.size())
          .filter(j -> atoms.stream().anyMatch(a -> matcher.matches(a, distinct.get(j))))
          .toArray();
    } else {
      pool = IntStream.range(0, distinct.size()).toArray();
    }
    candidates.put(type, pool);
    return pool;
  }

  private static boolean atomsOnly(Type type, List<Type> atoms) {
    return switch (type) {
      case Type.Send s -> atoms.add(s);
      case Type.Receive r -> atoms.add(r);
      case Type.Contract c -> atoms.add(c);
      case Type.Eval e -> atoms.add(e);
      case Type.Nil n -> true;
      case Type.False f -> true;
      case Type.Par p -> atomsOnly(p.left(), atoms) && atomsOnly(p.right(), atoms);
      case Type.Or o -> atomsOnly(o.left(), atoms) && atomsOnly(o.right(), atoms);
      // A thread of a part of type A and B is a thread of a part of type A.
      case Type.And a -> atomsOnly(a.left(), atoms);
      default -> false;
    };
  }

  /** The fewest and the most threads a multiset of this type can have. */
  private int[] size(Type type) {
    int[] known = sizes.get(type);
    if (known != null) {
      return known;
    }
    int[] s = switch (type) {
      case Type.Nil n -> new int[] {0, 0};
      case Type.Send x -> new int[] {1, 1};
      case Type.Receive x -> new int[] {1, 1};
      case Type.Contract x -> new int[] {1, 1};
      case Type.Eval x -> new int[] {1, 1};
      case Type.Par p -> {
        int[] a = size(p.left());
        int[] b = size(p.right());
        yield new int[] {a[0] + b[0], a[1] == UNBOUNDED || b[1] == UNBOUNDED ? UNBOUNDED : a[1] + b[1]};
      }
      case Type.And a -> {
        int[] x = size(a.left());
        int[] y = size(a.right());
        yield new int[] {Math.max(x[0], y[0]), Math.min(x[1], y[1])};
      }
      case Type.Or o -> {
        int[] x = size(o.left());
        int[] y = size(o.right());
        yield new int[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])};
      }
      default -> new int[] {0, UNBOUNDED};
    };
    sizes.put(type, s);
    return s;
  }

  /** A sub-multiset as a map key. */
  private record Key(int[] counts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(k.counts, counts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(counts);
    }
  }
}
