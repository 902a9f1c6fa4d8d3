package rhoscope.engine.check;

import java.math.BigInteger;
import java.util.List;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.type.Literal;
import rhoscope.lang.ast.type.PayloadPattern;

/** Decides whether the arguments of a send match a send type's payload patterns. */
final class Payloads {
  private Payloads() {}

  static boolean matches(List<PayloadPattern> patterns, boolean open, List<Proc> args) {
    if (open ? args.size() < patterns.size() : args.size() != patterns.size()) {
      return false;
    }
    for (int i = 0; i < patterns.size(); i++) {
      if (!matches(patterns.get(i), args.get(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(PayloadPattern pattern, Proc arg) {
    return switch (pattern) {
      case PayloadPattern.AnyPayload a -> true;
      case PayloadPattern.Equal e -> compare(e.value(), arg) == Order.EQUAL;
      case PayloadPattern.Compare c -> {
        Order order = compare(c.value(), arg);
        yield switch (order) {
          // Values of another kind are unequal to the literal but not ordered against it.
          case UNRELATED -> !c.op().ordering();
          case LESS -> c.op().test(-1);
          case EQUAL -> c.op().test(0);
          case GREATER -> c.op().test(1);
        };
      }
      case PayloadPattern.Typed t -> Suspended.holds(t.type(), arg);
    };
  }

  private enum Order {
    LESS,
    EQUAL,
    GREATER,
    UNRELATED
  }

  /** How {@code arg} compares with {@code literal}. */
  private static Order compare(Literal literal, Proc arg) {
    return switch (literal) {
      case Literal.IntValue v -> switch (arg) {
        case Proc.IntLit i -> order(Long.compare(i.value(), v.value()));
        case Proc.BigIntLit b -> order(b.value().compareTo(BigInteger.valueOf(v.value())));
        default -> Order.UNRELATED;
      };
      case Literal.StringValue v ->
          arg instanceof Proc.StringLit s ? order(s.value().compareTo(v.value())) : Order.UNRELATED;
      case Literal.BoolValue v ->
          arg instanceof Proc.BoolLit b && b.value() == v.value() ? Order.EQUAL : Order.UNRELATED;
    };
  }

  private static Order order(int comparison) {
    return comparison < 0 ? Order.LESS : comparison == 0 ? Order.EQUAL : Order.GREATER;
  }
}
