package rhoscope.engine.open;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.UnaryOp;
import rhoscope.lang.print.ProcessPrinter;

/**
 * The values a most-general client sends: the integer, string and Boolean literals of the
 * program and {@code 0}, {@code 1}, {@code -1}, {@code true}, {@code false}. A quoted formal gets
 * the values its pattern accepts, narrowed to the sorts its variable is used at in the body (an
 * operand of {@code <} or {@code +} is an Int, of {@code and} or an {@code if} a Bool), so that
 * a call the contract could not even evaluate (a deploy rnode would fail) is not made; where the
 * body gives no hint every value is tried, and a value the body then cannot evaluate stops that
 * thread as it does in rnode. A name formal gets the call's return channel, {@code _} gets
 * {@code Nil}.
 */
public final class ArgumentDomain {
  private enum Sort { INT, STRING, BOOL }

  private final List<Proc> values;

  private ArgumentDomain(List<Proc> values) {
    this.values = List.copyOf(values);
  }

  /** The domain of {@code program}'s literals and the fixed values. */
  public static ArgumentDomain of(Proc program) {
    TreeSet<Long> ints = new TreeSet<>(List.of(-1L, 0L, 1L));
    TreeSet<String> strings = new TreeSet<>();
    ProcWalk.each(program, p -> {
      switch (p) {
        case Proc.IntLit i -> ints.add(i.value());
        case Proc.Unary u when u.op() == UnaryOp.NEG && u.operand() instanceof Proc.IntLit i
            && i.value() != Long.MIN_VALUE -> ints.add(-i.value());
        case Proc.StringLit s -> strings.add(s.value());
        default -> { }
      }
    });
    List<Proc> values = new ArrayList<>();
    ints.forEach(i -> values.add(new Proc.IntLit(i)));
    strings.forEach(s -> values.add(new Proc.StringLit(s)));
    values.add(new Proc.BoolLit(false));
    values.add(new Proc.BoolLit(true));
    return new ArgumentDomain(values);
  }

  /** Every value, in a fixed order: integers ascending, strings, false, true. */
  public List<String> values() {
    return values.stream().map(ProcessPrinter::print).toList();
  }

  /**
   * The argument lists worth sending to {@code c}, each argument as Rholang text, with
   * {@code returnChannel} for a name formal; empty when some formal accepts no value.
   */
  public List<List<String>> argumentLists(Callable c, String returnChannel) {
    List<List<String>> perFormal = new ArrayList<>();
    for (Name formal : c.formals()) {
      perFormal.add(switch (formal) {
        case Name.NameVar v -> List.of(returnChannel);
        case Name.NameWildcard w -> List.of("Nil");
        case Name.Quote q -> accepted(q.proc(), c.body());
      });
    }
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (List<String> choices : perFormal) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String v : choices) {
          List<String> longer = new ArrayList<>(prefix);
          longer.add(v);
          next.add(List.copyOf(longer));
        }
      }
      out = next;
    }
    return List.copyOf(out);
  }

  /** Argument lists chosen out of {@code total} (the size of the full product). */
  public record Sample(BigInteger total, List<List<String>> lists) {}

  /**
   * At most {@code max} of {@link #argumentLists}, spread evenly over all of them in their
   * order, computed without building the full product (a contract with many formals has
   * billions of lists).
   */
  public Sample sample(Callable c, String returnChannel, int max) {
    List<List<String>> perFormal = new ArrayList<>();
    BigInteger total = BigInteger.ONE;
    for (Name formal : c.formals()) {
      List<String> choices = switch (formal) {
        case Name.NameVar v -> List.of(returnChannel);
        case Name.NameWildcard w -> List.of("Nil");
        case Name.Quote q -> accepted(q.proc(), c.body());
      };
      perFormal.add(choices);
      total = total.multiply(BigInteger.valueOf(choices.size()));
    }
    if (total.compareTo(BigInteger.valueOf(max)) <= 0) {
      return new Sample(total, argumentLists(c, returnChannel));
    }
    List<List<String>> out = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      BigInteger index = total.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(max));
      String[] args = new String[perFormal.size()];
      for (int k = perFormal.size() - 1; k >= 0; k--) {
        BigInteger[] qr = index.divideAndRemainder(BigInteger.valueOf(perFormal.get(k).size()));
        args[k] = perFormal.get(k).get(qr[1].intValue());
        index = qr[0];
      }
      out.add(List.of(args));
    }
    return new Sample(total, out);
  }

  private List<String> accepted(Proc pattern, Proc body) {
    Set<Sort> sorts = EnumSet.noneOf(Sort.class);
    for (String var : variables(pattern)) {
      sorts.addAll(usedAs(var, body));
    }
    List<String> out = new ArrayList<>();
    for (Proc v : values) {
      if (matches(pattern, v) && (sorts.isEmpty() || sorts.contains(sortOf(v)))) {
        out.add(ProcessPrinter.print(v));
      }
    }
    return out;
  }

  /** The variables a pattern binds to the whole value ({@code x}, {@code x /\ Int}). */
  private static List<String> variables(Proc pattern) {
    return switch (pattern) {
      case Proc.Var v -> List.of(v.name());
      case Proc.Binary b when b.op() == BinaryOp.CONJ -> {
        List<String> both = new ArrayList<>(variables(b.left()));
        both.addAll(variables(b.right()));
        yield both;
      }
      default -> List.of();
    };
  }

  /** The sorts {@code var} is an operand at in {@code body}; empty when nothing says. */
  private static Set<Sort> usedAs(String var, Proc body) {
    Proc.Var v = new Proc.Var(var);
    Set<Sort> out = EnumSet.noneOf(Sort.class);
    ProcWalk.each(body, p -> {
      switch (p) {
        case Proc.Binary b when b.left().equals(v) || b.right().equals(v) -> {
          Proc other = b.left().equals(v) ? b.right() : b.left();
          switch (b.op()) {
            case LT, LTE, GT, GTE, ADD, SUB, MUL, DIV, MOD ->
                out.add(other instanceof Proc.StringLit ? Sort.STRING : Sort.INT);
            case CONCAT -> out.add(Sort.STRING);
            case AND, OR, SHORT_AND, SHORT_OR -> out.add(Sort.BOOL);
            case EQ, NEQ, MATCHES, DIFF, INTERPOLATE, DISJ, CONJ -> { }
          }
        }
        case Proc.Unary u when u.operand().equals(v) && u.op() == UnaryOp.NOT -> out.add(Sort.BOOL);
        case Proc.Unary u when u.operand().equals(v) && u.op() == UnaryOp.NEG -> out.add(Sort.INT);
        case Proc.If i when i.condition().equals(v) -> out.add(Sort.BOOL);
        default -> { }
      }
    });
    return out;
  }

  private static Sort sortOf(Proc value) {
    return switch (value) {
      case Proc.IntLit i -> Sort.INT;
      case Proc.StringLit s -> Sort.STRING;
      case Proc.BoolLit b -> Sort.BOOL;
      default -> throw new IllegalStateException("not a domain value: " + value);
    };
  }

  /** Whether {@code value} (a literal) matches {@code pattern}, as RSpace's matcher decides. */
  private static boolean matches(Proc pattern, Proc value) {
    return switch (pattern) {
      case Proc.Var v -> true;
      case Proc.Wildcard w -> true;
      case Proc.VarRef r -> true;
      case Proc.IntLit i -> value.equals(i);
      case Proc.StringLit s -> value.equals(s);
      case Proc.BoolLit b -> value.equals(b);
      case Proc.Unary u when u.op() == UnaryOp.NEG && u.operand() instanceof Proc.IntLit i ->
          value.equals(new Proc.IntLit(-i.value()));
      case Proc.Unary u when u.op() == UnaryOp.PATTERN_NOT -> !matches(u.operand(), value);
      case Proc.SimpleType t -> switch (t.kind()) {
        case INT -> value instanceof Proc.IntLit;
        case STRING -> value instanceof Proc.StringLit;
        case BOOL -> value instanceof Proc.BoolLit;
        case BIG_INT, URI, BYTE_ARRAY -> false;
      };
      case Proc.Binary b when b.op() == BinaryOp.CONJ ->
          matches(b.left(), value) && matches(b.right(), value);
      case Proc.Binary b when b.op() == BinaryOp.DISJ ->
          matches(b.left(), value) || matches(b.right(), value);
      // collections, processes, Nil: no value of the domain has that shape
      default -> false;
    };
  }
}
