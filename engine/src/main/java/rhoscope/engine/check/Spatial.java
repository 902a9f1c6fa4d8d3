package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    boolean matches(Type.Atom atom, X thread);
  }

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  private final List<X> distinct;
  private final int[] counts;
  private final int size;
  private final AtomMatcher<X> matcher;
  private final Map<Type, Map<Key, Boolean>> memo = new IdentityHashMap<>();
  private final Map<Type, int[]> sizes = new IdentityHashMap<>();
  private final Map<Type, int[]> candidates = new IdentityHashMap<>();

  /** Groups equal threads ({@code equals}/{@code hashCode}). */
  Spatial(List<? extends X> threads, AtomMatcher<X> matcher) {
    this(threads, matcher, false);
  }

  /**
   * {@code byIdentity}: group only the same object, without hashing threads. The decisions do
   * not depend on the grouping (equal threads in two groups are still counted right), only the
   * work does; use it where equal threads are mostly one object (interned thread views).
   */
  Spatial(List<? extends X> threads, AtomMatcher<X> matcher, boolean byIdentity) {
    Map<X, Integer> index = byIdentity ? new IdentityHashMap<>() : new HashMap<>();
    List<X> seen = new ArrayList<>();
    int[] n = new int[threads.size()];
    for (X t : threads) {
      Integer i = index.putIfAbsent(t, seen.size());
      if (i == null) {
        n[seen.size()] = 1;
        seen.add(t);
      } else {
        n[i]++;
      }
    }
    this.distinct = seen;
    this.counts = Arrays.copyOf(n, seen.size());
    this.size = threads.size();
    this.matcher = matcher;
  }

  /**
   * Whether the multiset {@code threads} has the spatial type {@code type}: the same decision as
   * {@code new Spatial<>(threads, matcher, byIdentity).holds(type)}, but the common shapes are
   * decided by looking at each thread once, before (and mostly instead of) grouping threads:
   * the Boolean connectives, a multiset of at most one thread, and {@code A | true} where A
   * holds only on multisets of at most one thread ({@code contains "a"!(_)}).
   */
  static <X> boolean decide(
      Type type, List<? extends X> threads, AtomMatcher<X> matcher, boolean byIdentity) {
    return new Quick<X>(threads, matcher, byIdentity).holds(type);
  }

  /** The fast paths of {@link #decide}; the full search is built only when one is needed. */
  private static final class Quick<X> {
    private final List<? extends X> threads;
    private final AtomMatcher<X> matcher;
    private final boolean byIdentity;
    private Spatial<X> full;

    Quick(List<? extends X> threads, AtomMatcher<X> matcher, boolean byIdentity) {
      this.threads = threads;
      this.matcher = matcher;
      this.byIdentity = byIdentity;
    }

    boolean holds(Type type) {
      int n = threads.size();
      if (n == 0) {
        return empty(type);
      }
      if (n == 1) {
        return one(type, threads.get(0));
      }
      return switch (type) {
        case Type.True t -> true;
        case Type.False f -> false;
        case Type.Nil x -> false;
        case Type.Atom a -> false;
        case Type.Not x -> !holds(x.operand());
        case Type.And a -> holds(a.left()) && holds(a.right());
        case Type.Or o -> holds(o.left()) || holds(o.right());
        case Type.Par p when p.right() instanceof Type.True && atMostOne(p.left()) ->
            somePart(p.left());
        case Type.Par p when p.left() instanceof Type.True && atMostOne(p.right()) ->
            somePart(p.right());
        case Type.Par p -> full().holds(type);
        case Type.Sugared s -> holds(s.core());
        case Type.Dynamic d -> throw Support.notSpatial(d);
        case Type.Sugar s -> throw Support.notCore(s);
      };
    }

    /** Some part of at most one thread has {@code type} (which never holds on more). */
    private boolean somePart(Type type) {
      if (empty(type)) {
        return true;
      }
      if (type instanceof Type.Atom atom) {
        // contains of one thread: a scan, the matcher deciding on channel and kind first.
        for (X t : threads) {
          if (matcher.matches(atom, t)) {
            return true;
          }
        }
        return false;
      }
      for (X t : threads) {
        if (one(type, t)) {
          return true;
        }
      }
      return false;
    }

    private Spatial<X> full() {
      if (full == null) {
        full = new Spatial<>(threads, matcher, byIdentity);
      }
      return full;
    }

    /** {@code type} on the multiset holding just {@code thread}. */
    private boolean one(Type type, X thread) {
      return switch (type) {
        case Type.True t -> true;
        case Type.False f -> false;
        case Type.Nil n -> false;
        case Type.Atom a -> matcher.matches(a, thread);
        case Type.Not n -> !one(n.operand(), thread);
        case Type.And a -> one(a.left(), thread) && one(a.right(), thread);
        case Type.Or o -> one(o.left(), thread) || one(o.right(), thread);
        case Type.Par p ->
            (one(p.left(), thread) && empty(p.right())) || (empty(p.left()) && one(p.right(), thread));
        case Type.Sugared s -> one(s.core(), thread);
        case Type.Dynamic d -> throw Support.notSpatial(d);
        case Type.Sugar s -> throw Support.notCore(s);
      };
    }
  }

  /** {@code type} on the empty multiset. */
  private static boolean empty(Type type) {
    return switch (type) {
      case Type.True t -> true;
      case Type.False f -> false;
      case Type.Nil n -> true;
      case Type.Atom a -> false;
      case Type.Not n -> !empty(n.operand());
      case Type.And a -> empty(a.left()) && empty(a.right());
      case Type.Or o -> empty(o.left()) || empty(o.right());
      case Type.Par p -> empty(p.left()) && empty(p.right());
      case Type.Sugared s -> empty(s.core());
      case Type.Dynamic d -> throw Support.notSpatial(d);
      case Type.Sugar s -> throw Support.notCore(s);
    };
  }

  /** Whether {@code type} holds on no multiset of two or more threads (by {@link #size}'s rules). */
  private static boolean atMostOne(Type type) {
    return maxSize(type) <= 1;
  }

  private static int maxSize(Type type) {
    return switch (type) {
      case Type.Nil n -> 0;
      case Type.False f -> 0;
      case Type.Atom a -> 1;
      case Type.Par p -> {
        int a = maxSize(p.left());
        int b = maxSize(p.right());
        yield a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : a + b;
      }
      case Type.And a -> Math.min(maxSize(a.left()), maxSize(a.right()));
      case Type.Or o -> Math.max(maxSize(o.left()), maxSize(o.right()));
      case Type.True t -> UNBOUNDED;
      case Type.Not n -> UNBOUNDED;
      case Type.Sugared s -> maxSize(s.core());
      case Type.Dynamic d -> throw Support.notSpatial(d);
      case Type.Sugar s -> throw Support.notCore(s);
    };
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
      case Type.Atom a -> single(a, sub, total);
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
      case Type.Sugared s -> holds(s.core(), sub, total);
      case Type.Dynamic d -> throw Support.notSpatial(d);
      case Type.Sugar s -> throw Support.notCore(s);
    };
  }

  private boolean single(Type.Atom atom, int[] sub, int total) {
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
    List<Type.Atom> atoms = new ArrayList<>();
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

  private static boolean atomsOnly(Type type, List<Type.Atom> atoms) {
    return switch (type) {
      case Type.Atom a -> atoms.add(a);
      case Type.Nil n -> true;
      case Type.False f -> true;
      case Type.Par p -> atomsOnly(p.left(), atoms) && atomsOnly(p.right(), atoms);
      case Type.Or o -> atomsOnly(o.left(), atoms) && atomsOnly(o.right(), atoms);
      // A thread of a part of type A and B is a thread of a part of type A.
      case Type.And a -> atomsOnly(a.left(), atoms);
      case Type.True t -> false;
      case Type.Not n -> false;
      case Type.Sugared s -> atomsOnly(s.core(), atoms);
      case Type.Dynamic d -> throw Support.notSpatial(d);
      case Type.Sugar s -> throw Support.notCore(s);
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
      case Type.Atom a -> new int[] {1, 1};
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
      case Type.True t -> new int[] {0, UNBOUNDED};
      case Type.False f -> new int[] {0, UNBOUNDED};
      case Type.Not n -> new int[] {0, UNBOUNDED};
      case Type.Sugared x -> size(x.core());
      case Type.Dynamic d -> throw Support.notSpatial(d);
      case Type.Sugar x -> throw Support.notCore(x);
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
