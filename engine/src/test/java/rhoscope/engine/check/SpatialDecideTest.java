package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.engine.check.NaiveSpatial.THREADS;
import static rhoscope.engine.check.NaiveSpatial.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rhoscope.lang.ast.type.Type;

/**
 * {@link Spatial#decide} (the one-thread fast paths, {@code A | true} as a scan, grouping by
 * identity) agrees with trying every subset of the threads, including multisets where equal
 * threads are distinct objects, and with the full split search.
 */
class SpatialDecideTest {
  @Property(tries = 600)
  void decideAgreesWithEveryPartition(@ForAll("cases") Case c) {
    boolean expected = NaiveSpatial.holds(c.type(), c.threads());
    assertThat(Spatial.decide(c.type(), c.threads(), NaiveSpatial::matches, true))
        .as("by identity: " + c)
        .isEqualTo(expected);
    assertThat(Spatial.decide(c.type(), c.threads(), NaiveSpatial::matches, false))
        .as("by equality: " + c)
        .isEqualTo(expected);
    assertThat(new Spatial<>(c.threads(), NaiveSpatial::matches, true).holds(c.type()))
        .as("full search by identity: " + c)
        .isEqualTo(expected);
  }

  record Case(List<String> threads, Type type) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(random -> {
      List<String> threads = new ArrayList<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        String name = THREADS[random.nextInt(THREADS.length)];
        // Sometimes an equal thread that is another object.
        threads.add(random.nextBoolean() ? name : new String(name));
      }
      return new Case(threads, type(random, 3));
    });
  }

  private static Type type(Random random, int depth) {
    if (depth == 0) {
      return switch (random.nextInt(5)) {
        case 0 -> new Type.Nil();
        case 1 -> new Type.True();
        case 2 -> new Type.False();
        default -> send(THREADS[random.nextInt(THREADS.length)]);
      };
    }
    return switch (random.nextInt(8)) {
      case 0 -> new Type.Par(type(random, depth - 1), type(random, depth - 1));
      // contains T, the shape the fast path serves
      case 1 -> new Type.Par(type(random, depth - 1), new Type.True());
      case 2 -> new Type.Par(new Type.True(), type(random, depth - 1));
      case 3 -> new Type.And(type(random, depth - 1), type(random, depth - 1));
      case 4 -> new Type.Or(type(random, depth - 1), type(random, depth - 1));
      case 5 -> new Type.Not(type(random, depth - 1));
      default -> type(random, 0);
    };
  }
}
