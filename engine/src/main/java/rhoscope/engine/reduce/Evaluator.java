package rhoscope.engine.reduce;

import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rhoscope.engine.state.Term.Bin;
import rhoscope.engine.state.Term.BigV;
import rhoscope.engine.state.Term.BoolV;
import rhoscope.engine.state.Term.IntV;
import rhoscope.engine.state.Term.ListT;
import rhoscope.engine.state.Term.MapT;
import rhoscope.engine.state.Term.Meth;
import rhoscope.engine.state.Term.SetT;
import rhoscope.engine.state.Term.StrV;
import rhoscope.engine.state.Term.TupleT;
import rhoscope.engine.state.Term.Un;
import rhoscope.engine.state.Term.UriV;

/**
 * Evaluates ground expressions of a closed term when its thread is unfolded. Processes
 * inside data (a sent {@code for}, a quoted send) are values and stay as they are.
 * Failures throw {@link EvalError}; the caller drops the thread.
 */
final class Evaluator {
  private Evaluator() {}

  static Term eval(Term t) {
    return switch (t) {
      case ListT l -> new ListT(evalAll(l.elements()), Optional.empty());
      case TupleT tu -> new TupleT(evalAll(tu.elements()));
      case SetT s -> Terms.set(evalAll(s.elements()), Optional.empty());
      case MapT m -> Terms.map(evalAll(m.keys()), evalAll(m.values()), Optional.empty());
      case Bin b -> binary(b);
      case Un u -> switch (u.op()) {
        case NOT -> new BoolV(!bool(eval(u.operand())));
        case NEG -> {
          Term v = eval(u.operand());
          if (v instanceof BigV bv) {
            yield new BigV(bv.value().negate());
          }
          yield new IntV(exact(() -> Math.negateExact(integer(v))));
        }
        case PATTERN_NOT -> throw new EvalError("'~' outside a pattern");
      };
      case Meth m -> Methods.call(eval(m.receiver()), m.method(), evalAll(m.args()));
      case Term.Quote q -> Terms.quote(eval(q.proc()));
      case Term.Var v -> throw new EvalError("unbound variable");
      case Term.PVar p -> throw new EvalError("pattern variable outside a pattern");
      case Term.PWild w -> throw new EvalError("'_' outside a pattern");
      case Term.PType p -> throw new EvalError("a type outside a pattern");
      default -> t;
    };
  }

  static List<Term> evalAll(List<Term> ts) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(eval(t));
    }
    return List.copyOf(out);
  }

  private static Term binary(Bin b) {
    switch (b.op()) {
      case SHORT_AND, AND -> {
        boolean l = bool(eval(b.left()));
        return new BoolV(b.op() == rhoscope.lang.ast.process.BinaryOp.SHORT_AND
            ? l && bool(eval(b.right())) : l & bool(eval(b.right())));
      }
      case SHORT_OR, OR -> {
        boolean l = bool(eval(b.left()));
        return new BoolV(b.op() == rhoscope.lang.ast.process.BinaryOp.SHORT_OR
            ? l || bool(eval(b.right())) : l | bool(eval(b.right())));
      }
      case MATCHES -> {
        Term v = eval(b.left());
        return new BoolV(Matcher.proc(b.right(), v, new Term[Matcher.slots(b.right())]));
      }
      default -> {
        // the remaining operators are strict
      }
    }
    Term l = eval(b.left());
    Term r = eval(b.right());
    return switch (b.op()) {
      case EQ -> new BoolV(l.equals(r));
      case NEQ -> new BoolV(!l.equals(r));
      case LT -> new BoolV(compare(l, r) < 0);
      case LTE -> new BoolV(compare(l, r) <= 0);
      case GT -> new BoolV(compare(l, r) > 0);
      case GTE -> new BoolV(compare(l, r) >= 0);
      case ADD, SUB -> {
        if (l instanceof BigV a && r instanceof BigV c) {
          Limits.bits(Math.max(a.value().bitLength(), c.value().bitLength()) + 1L);
        }
        yield b.op() == rhoscope.lang.ast.process.BinaryOp.ADD
            ? arith(l, r, Math::addExact, BigInteger::add)
            : arith(l, r, Math::subtractExact, BigInteger::subtract);
      }
      case MUL -> {
        if (l instanceof BigV a && r instanceof BigV c) {
          Limits.bits((long) a.value().bitLength() + c.value().bitLength());
        }
        yield arith(l, r, Math::multiplyExact, BigInteger::multiply);
      }
      case DIV -> {
        if (isZero(r)) {
          throw new EvalError("division by zero");
        }
        yield arith(l, r, Math::divideExact, BigInteger::divide);
      }
      case MOD -> {
        if (isZero(r)) {
          throw new EvalError("division by zero");
        }
        yield arith(l, r, (x, y) -> x % y, BigInteger::remainder);
      }
      case CONCAT -> Methods.concat(l, r);
      case DIFF -> Methods.diff(l, r);
      case INTERPOLATE -> Methods.interpolate(l, r);
      default -> throw new EvalError("'" + b.op().symbol() + "' is not an expression operator");
    };
  }

  private static boolean isZero(Term t) {
    return (t instanceof IntV i && i.value() == 0)
        || (t instanceof BigV b && b.value().signum() == 0);
  }

  interface LongOp {
    long apply(long a, long b);
  }

  interface BigOp {
    BigInteger apply(BigInteger a, BigInteger b);
  }

  private static Term arith(Term l, Term r, LongOp op, BigOp big) {
    if (l instanceof IntV a && r instanceof IntV b) {
      return new IntV(exact(() -> op.apply(a.value(), b.value())));
    }
    if (l instanceof BigV a && r instanceof BigV b) {
      return new BigV(Limits.big(big.apply(a.value(), b.value())));
    }
    throw new EvalError("arithmetic on " + kind(l) + " and " + kind(r));
  }

  private static long exact(java.util.function.LongSupplier s) {
    try {
      return s.getAsLong();
    } catch (ArithmeticException e) {
      throw new EvalError("integer overflow");
    }
  }

  private static int compare(Term l, Term r) {
    if (l instanceof IntV a && r instanceof IntV b) {
      return Long.compare(a.value(), b.value());
    }
    if (l instanceof BigV a && r instanceof BigV b) {
      return a.value().compareTo(b.value());
    }
    if (l instanceof StrV a && r instanceof StrV b) {
      return a.value().compareTo(b.value());
    }
    if (l instanceof BoolV a && r instanceof BoolV b) {
      return Boolean.compare(a.value(), b.value());
    }
    throw new EvalError("cannot compare " + kind(l) + " with " + kind(r));
  }

  static boolean bool(Term t) {
    if (t instanceof BoolV b) {
      return b.value();
    }
    throw new EvalError("expected a Bool, got " + kind(t));
  }

  static long integer(Term t) {
    if (t instanceof IntV i) {
      return i.value();
    }
    throw new EvalError("expected an Int, got " + kind(t));
  }

  static String kind(Term t) {
    return switch (t) {
      case IntV i -> "Int";
      case BigV b -> "BigInt";
      case StrV s -> "String";
      case BoolV b -> "Bool";
      case UriV u -> "Uri";
      case Term.BytesV y -> "ByteArray";
      case ListT l -> "List";
      case TupleT tu -> "Tuple";
      case SetT s -> "Set";
      case MapT m -> "Map";
      default -> "process";
    };
  }
}
