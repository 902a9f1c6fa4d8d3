package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rhoscope.lang.ast.type.Type;

/**
 * Decides spatial types (the structural constructors with the Boolean connectives) on one
 * multiset of threads. {@code T | U} tries the ways to split the multiset, pruned by how many
 * threads each side can hold ({@code "a"!(_) | "a"!(_)} only looks at pairs), with identical
 * threads counted rather than enumerated, and remembers what it decided per sub-multiset.
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
  private final AtomMatcher<X> matcher;
  private final Map<Type, Map<List<Integer>, Boolean>> memo = new IdentityHashMap<>();
  private final Map<Type, int[]> sizes = new IdentityHashMap<>();

  Spatial(List<? extends X> threads, AtomMatcher<X> matcher) {
    Map<X, Integer> grouped = new LinkedHashMap<>();
    for (X t : threads) {
      grouped.merge(t, 1, Integer::sum);
    }
    this.distinct = new ArrayList<>(grouped.keySet());
    this.counts = grouped.values().stream().mapToInt(Integer::intValue).toArray();
    this.matcher = matcher;
  }

  /** Whether the whole multiset has the spatial type {@code type}. */
  boolean holds(Type type) {
    return holds(type, counts.clone());
  }

  private boolean holds(Type type, int[] sub) {
    return switch (type) {
      case Type.True t -> true;
      case Type.False f -> false;
      case Type.Not n -> !holds(n.operand(), sub);
      case Type.And a -> holds(a.left(), sub) && holds(a.right(), sub);
      case Type.Or o -> holds(o.left(), sub) || holds(o.right(), sub);
      case Type.Nil n -> total(sub) == 0;
      case Type.Send s -> single(s, sub);
      case Type.Receive r -> single(r, sub);
      case Type.Contract c -> single(c, sub);
      case Type.Eval e -> single(e, sub);
      case Type.Par p -> {
        Map<List<Integer>, Boolean> cache = memo.computeIfAbsent(p, k -> new HashMap<>());
        List<Integer> key = Arrays.stream(sub).boxed().toList();
        Boolean known = cache.get(key);
        if (known == null) {
          known = split(p, sub, new int[sub.length], 0, 0, total(sub));
          cache.put(key, known);
        }
        yield known;
      }
      default -> throw Support.notSpatial(type);
    };
  }

  private boolean single(Type atom, int[] sub) {
    if (total(sub) != 1) {
      return false;
    }
    for (int i = 0; i < sub.length; i++) {
      if (sub[i] == 1) {
        return matcher.matches(atom, distinct.get(i));
      }
    }
    throw new IllegalStateException("a multiset of size one without its thread");
  }

  /** Tries every left part of {@code sub}, choosing how many of thread i go left at step i. */
  private boolean split(Type.Par par, int[] sub, int[] left, int i, int leftSize, int total) {
    int[] l = size(par.left());
    int[] r = size(par.right());
    int remaining = 0;
    for (int j = i; j < sub.length; j++) {
      remaining += sub[j];
    }
    int rightSoFar = total - remaining - leftSize;
    // The left part can still grow to leftSize + remaining; the right part likewise.
    if (leftSize > l[1] || leftSize + remaining < l[0]) {
      return false;
    }
    if (rightSoFar > r[1] || rightSoFar + remaining < r[0]) {
      return false;
    }
    if (i == sub.length) {
      int[] right = new int[sub.length];
      for (int j = 0; j < sub.length; j++) {
        right[j] = sub[j] - left[j];
      }
      return holds(par.left(), left.clone()) && holds(par.right(), right);
    }
    for (int c = 0; c <= sub[i]; c++) {
      left[i] = c;
      if (split(par, sub, left, i + 1, leftSize + c, total)) {
        left[i] = 0;
        return true;
      }
    }
    left[i] = 0;
    return false;
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

  private static int total(int[] sub) {
    int n = 0;
    for (int c : sub) {
      n += c;
    }
    return n;
  }
}
