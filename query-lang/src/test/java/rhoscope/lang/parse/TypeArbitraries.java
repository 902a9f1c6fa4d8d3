package rhoscope.lang.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import rhoscope.lang.ast.type.Comparison;
import rhoscope.lang.ast.type.Literal;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.PayloadPattern;
import rhoscope.lang.ast.type.Type;

/** Random well-formed surface types, sugar and library calls included, for property tests. */
public final class TypeArbitraries {
  private TypeArbitraries() {}

  public static Arbitrary<Type> types() {
    return Arbitraries.randomValue(random -> new Generator(random).type(4, 0, new ArrayList<>()));
  }

  /** Random well-formed types: variables only where bound and under even negations. */
  private static final class Generator {
    private static final String[] IDENTS = {"balance", "lock", "x", "ack"};
    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    /** {@code bound} holds the variables in scope that occur positively here. */
    Type type(int depth, int negations, List<String> bound) {
      if (depth == 0) {
        return leaf(bound);
      }
      int d = depth - 1;
      return switch (random.nextInt(19)) {
        case 0 -> new Type.Par(type(d, negations, bound), type(d, negations, bound));
        case 1 -> new Type.And(type(d, negations, bound), type(d, negations, bound));
        case 2 -> new Type.Or(type(d, negations, bound), type(d, negations, bound));
        case 3 -> new Type.Implies(type(d, negations + 1, List.of()), type(d, negations, bound));
        case 4 -> new Type.Not(type(d, negations + 1, List.of()));
        case 5 -> new Type.Diamond(label(), type(d, negations, bound));
        case 6 -> new Type.Box(label(), type(d, negations, bound));
        case 7, 8 -> {
          String x = random.nextBoolean() ? "X" : "Y" + bound.size();
          List<String> inner = new ArrayList<>(bound);
          inner.add(x);
          Type body = type(d, negations, inner);
          yield random.nextBoolean() ? new Type.Mu(x, body) : new Type.Nu(x, body);
        }
        case 9 -> new Type.Contains(type(d, negations, bound));
        case 10 -> new Type.Eventually(type(d, negations, bound));
        case 11 -> new Type.Always(type(d, negations, bound));
        case 12 -> new Type.Inevitably(type(d, negations, bound));
        case 13 -> new Type.Receive(name(d), type(d, 0, List.of()));
        case 14 -> send(d);
        case 15 -> new Type.Contract(name(d));
        case 16 -> new Type.Eval(name(d));
        case 17 -> new Type.Race(name(d));
        default -> leaf(bound);
      };
    }

    private Type leaf(List<String> bound) {
      int choice = random.nextInt(bound.isEmpty() ? 8 : 10);
      return switch (choice) {
        case 0 -> new Type.Nil();
        case 1 -> new Type.True();
        case 2 -> new Type.False();
        case 3 -> new Type.Deadlock();
        case 4 -> new Type.Terminated();
        case 5 -> new Type.Call("deadlock_free", List.of());
        case 6 -> new Type.Call("race_free", List.of(name(0)));
        case 7 -> send(0);
        // Shadowed names resolve to the innermost binder, which is what a reader sees.
        default -> new Type.Var(bound.get(random.nextInt(bound.size())));
      };
    }

    private Type send(int depth) {
      List<PayloadPattern> args = new ArrayList<>();
      int n = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        args.add(payload(depth));
      }
      return new Type.Send(name(depth), args, random.nextInt(4) == 0);
    }

    private Optional<NamePattern> label() {
      return random.nextBoolean() ? Optional.empty() : Optional.of(name(0));
    }

    private NamePattern name(int depth) {
      return switch (random.nextInt(depth > 0 ? 6 : 5)) {
        case 0 -> new NamePattern.StringName(string());
        case 1 -> new NamePattern.UriName("rho:id:" + random.nextInt(5) + (random.nextBoolean() ? "*" : ""));
        case 2 -> new NamePattern.PrivateName(IDENTS[random.nextInt(IDENTS.length)]);
        case 3, 4 -> new NamePattern.AnyName();
        default -> new NamePattern.QuoteName(type(depth - 1, 0, List.of()));
      };
    }

    private PayloadPattern payload(int depth) {
      return switch (random.nextInt(depth > 0 ? 5 : 4)) {
        case 0 -> new PayloadPattern.AnyPayload();
        case 1 -> new PayloadPattern.Equal(literal());
        case 2 -> {
          Comparison op = Comparison.values()[random.nextInt(Comparison.values().length)];
          Literal value = literal();
          yield new PayloadPattern.Compare(
              op, op.ordering() && value instanceof Literal.BoolValue ? new Literal.IntValue(0) : value);
        }
        case 3 -> new PayloadPattern.Typed(random.nextBoolean() ? new Type.True() : new Type.Nil());
        default -> new PayloadPattern.Typed(type(depth - 1, 0, List.of()));
      };
    }

    private Literal literal() {
      return switch (random.nextInt(4)) {
        case 0 -> new Literal.IntValue(random.nextLong());
        case 1 -> new Literal.IntValue(random.nextInt(21) - 10);
        case 2 -> new Literal.StringValue(string());
        default -> new Literal.BoolValue(random.nextBoolean());
      };
    }

    private String string() {
      String[] parts = {"a", "ERK", "bank/*", "q\"uote", "back\\slash", "tab\t", "", "é?"};
      return parts[random.nextInt(parts.length)];
    }
  }
}
