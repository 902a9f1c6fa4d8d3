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
import org.junit.jupiter.api.Test;
import rhoscope.lang.ast.type.Type;

/**
 * The pruned split search of {@link Spatial} agrees with trying every subset of the threads
 * (the definition of {@code T | U}) on random small multisets and random spatial types.
 */
class SpatialTest {
  @Property(tries = 400)
  void splitSearchAgreesWithEveryPartition(@ForAll("cases") Case c) {
    assertThat(new Spatial<>(c.threads(), NaiveSpatial::matches).holds(c.type()))
        .as(c.toString())
        .isEqualTo(NaiveSpatial.holds(c.type(), c.threads()));
  }

  @Test
  void manyIdenticalThreadsAreCountedNotEnumerated() {
    List<String> threads = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      threads.add("a");
    }
    threads.add("b");
    Type twoB = new Type.Par(new Type.Par(send("b"), send("b")), new Type.True());
    Type oneB = new Type.Par(send("b"), new Type.True());
    Spatial<String> spatial = new Spatial<>(threads, NaiveSpatial::matches);
    assertThat(spatial.holds(oneB)).isTrue();
    assertThat(spatial.holds(twoB)).isFalse();
  }

  record Case(List<String> threads, Type type) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(random -> {
      List<String> threads = new ArrayList<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        threads.add(THREADS[random.nextInt(THREADS.length)]);
      }
      return new Case(threads, type(random, 3));
    });
  }

  private static Type type(Random random, int depth) {
    if (depth == 0) {
      return switch (random.nextInt(4)) {
        case 0 -> new Type.Nil();
        case 1 -> new Type.True();
        default -> send(THREADS[random.nextInt(THREADS.length)]);
      };
    }
    return switch (random.nextInt(6)) {
      case 0, 1 -> new Type.Par(type(random, depth - 1), type(random, depth - 1));
      case 2 -> new Type.And(type(random, depth - 1), type(random, depth - 1));
      case 3 -> new Type.Or(type(random, depth - 1), type(random, depth - 1));
      case 4 -> new Type.Not(type(random, depth - 1));
      default -> type(random, 0);
    };
  }
}
