package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.List;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;

/**
 * The oracle for the spatial tests: states whose threads are just channel names, and the
 * definition of the spatial connectives evaluated by brute force over every split.
 */
final class NaiveSpatial {
  /** The channels random states are drawn from. */
  static final String[] THREADS = {"a", "b", "c"};

  private NaiveSpatial() {}

  /** A thread here is its channel name; {@code x!(...)} matches a thread named x. */
  static boolean matches(Type atom, String thread) {
    return atom instanceof Type.Send s
        && s.channel() instanceof NamePattern.StringName n
        && n.glob().equals(thread);
  }

  static Type send(String channel) {
    return new Type.Send(new NamePattern.StringName(channel), List.of(), false);
  }

  /** The definition, by brute force over the subsets of thread positions. */
  static boolean holds(Type type, List<String> threads) {
    return switch (type) {
      case Type.True t -> true;
      case Type.False f -> false;
      case Type.Nil n -> threads.isEmpty();
      case Type.Send s -> threads.size() == 1 && matches(s, threads.get(0));
      case Type.Not n -> !holds(n.operand(), threads);
      case Type.And a -> holds(a.left(), threads) && holds(a.right(), threads);
      case Type.Or o -> holds(o.left(), threads) || holds(o.right(), threads);
      case Type.Par p -> {
        for (int mask = 0; mask < 1 << threads.size(); mask++) {
          List<String> left = new ArrayList<>();
          List<String> right = new ArrayList<>();
          for (int i = 0; i < threads.size(); i++) {
            ((mask & 1 << i) != 0 ? left : right).add(threads.get(i));
          }
          if (holds(p.left(), left) && holds(p.right(), right)) {
            yield true;
          }
        }
        yield false;
      }
      default -> throw new IllegalArgumentException(type.toString());
    };
  }
}
