package rhoscope.lang.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.Case;
import rhoscope.lang.ast.process.Decl;
import rhoscope.lang.ast.process.KeyValue;
import rhoscope.lang.ast.process.LetKind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SimpleTypeKind;
import rhoscope.lang.ast.process.Source;
import rhoscope.lang.ast.process.UnaryOp;

/**
 * Prints processes as Rholang source that parses back to an equal tree: one thread per line
 * in every block, two-space indentation, and only the parentheses or braces that the
 * precedence levels of the grammar demand.
 *
 * <p>Trees the grammar cannot express are refused with an {@link IllegalArgumentException}
 * rather than printed wrongly: a remainder that is not a variable or {@code _}, a persistent
 * or peek bind with a {@code ?!}/{@code !?} source, an empty {@code new}, {@code select} or
 * {@code match}. Negative integer literals print as {@code -n}, which reads back as a negation.
 */
public final class ProcessPrinter {
  /** A block body that prints on one line at most this long stays on its line. */
  private static final int INLINE_BODY = 60;
  /** A list of arguments longer than this prints one per line. */
  private static final int LONG_LIST = 80;

  private ProcessPrinter() {}

  public static String print(Proc p) {
    return threads(p, 0);
  }

  public static String print(Name n) {
    return name(n, 0);
  }

  // ---- layout

  /** A process in a block: one thread of a Par per line. */
  private static String threads(Proc p, int indent) {
    if (p instanceof Proc.Par par) {
      return join(par.parts(), q -> at(q, 1, indent), " |\n" + pad(indent));
    }
    return at(p, 0, indent);
  }

  /** {@code { body }} on one line when short, else over several lines. */
  private static String block(Proc body, int indent) {
    String inline = threads(body, indent + 1);
    if (!(body instanceof Proc.Par) && inline.indexOf('\n') < 0 && inline.length() <= INLINE_BODY) {
      return "{ " + inline + " }";
    }
    return "{\n" + pad(indent + 1) + inline + "\n" + pad(indent) + "}";
  }

  /** {@code p} where the grammar wants a process of level {@code level} or tighter. */
  private static String at(Proc p, int level, int indent) {
    int own = Precedence.of(p);
    if (own >= level) {
      return proc(p, indent);
    }
    if (level <= Precedence.PARENS && own >= Precedence.EXPRESSION) {
      return "(" + proc(p, indent) + ")";
    }
    return block(p, indent);
  }

  private static String proc(Proc p, int indent) {
    return switch (p) {
      case Proc.Nil n -> "Nil";
      case Proc.Par par -> join(par.parts(), q -> at(q, 1, indent), " | ");
      case Proc.New n ->
          "new " + join(n.decls(), ProcessPrinter::nameDecl, ", ") + " in " + block(n.body(), indent);
      case Proc.Send s ->
          name(s.channel(), indent) + s.kind().symbol() + "(" + procs(s.args(), indent) + ")";
      case Proc.SendSync s ->
          name(s.channel(), indent)
              + "!?("
              + procs(s.args(), indent)
              + ")"
              + s.continuation().map(c -> "; " + at(c, 1, indent)).orElse(".");
      case Proc.Input in -> input(in, indent);
      case Proc.Contract c ->
          "contract "
              + contractName(c.name(), indent)
              + "("
              + patterns(c.formals(), c.remainder(), indent)
              + ") = "
              + block(c.body(), indent);
      case Proc.Select s -> {
        if (s.branches().isEmpty()) {
          throw new IllegalArgumentException("a select needs at least one branch");
        }
        yield "select {\n"
            + join(s.branches(), b -> pad(indent + 1) + branch(b, indent + 1), "\n")
            + "\n"
            + pad(indent)
            + "}";
      }
      case Proc.Match m -> {
        if (m.cases().isEmpty()) {
          throw new IllegalArgumentException("a match needs at least one case");
        }
        yield "match "
            + at(m.target(), Precedence.EXPRESSION, indent)
            + " {\n"
            + join(m.cases(), c -> pad(indent + 1) + matchCase(c, indent + 1), "\n")
            + "\n"
            + pad(indent)
            + "}";
      }
      case Proc.If i ->
          "if ("
              + at(i.condition(), 0, indent)
              + ") "
              + at(i.then(), 2, indent)
              + i.otherwise().map(o -> " else " + at(o, 1, indent)).orElse("");
      case Proc.Let l ->
          "let "
              + join(l.decls(), d -> decl(d, indent), separator(l.kind()))
              + " in "
              + block(l.body(), indent);
      case Proc.Bundle b -> b.kind().keyword() + " " + block(b.body(), indent);
      case Proc.Eval e -> "*" + name(e.name(), indent);
      case Proc.Var v -> v.name();
      case Proc.Wildcard w -> "_";
      case Proc.VarRef r -> r.kind().symbol() + r.name();
      case Proc.BoolLit b -> Boolean.toString(b.value());
      case Proc.IntLit i -> Long.toString(i.value());
      case Proc.BigIntLit b -> "BigInt(" + b.value() + ")";
      case Proc.StringLit s -> Literals.string(s.value());
      case Proc.UriLit u -> Literals.uri(u.value());
      case Proc.ListLit l ->
          "[" + procs(l.elements(), indent) + remainder(l.remainder(), l.elements()) + "]";
      case Proc.TupleLit t ->
          t.elements().size() == 1
              ? "(" + at(t.elements().get(0), 0, indent) + ",)"
              : "(" + procs(t.elements(), indent) + ")";
      case Proc.SetLit s ->
          "Set(" + procs(s.elements(), indent) + remainder(s.remainder(), s.elements()) + ")";
      case Proc.MapLit m ->
          "{"
              + join(m.entries(), kv -> keyValue(kv, indent), ", ")
              + remainder(m.remainder(), m.entries())
              + "}";
      case Proc.SimpleType t -> t.kind().keyword();
      case Proc.Unary u -> unary(u, indent);
      case Proc.Binary b -> {
        int prec = b.op().precedence();
        int leftLevel = b.op() == BinaryOp.MATCHES ? prec + 1 : prec;
        yield at(b.left(), leftLevel, indent)
            + " "
            + b.op().symbol()
            + " "
            + at(b.right(), prec + 1, indent);
      }
      case Proc.Method m ->
          at(m.receiver(), Precedence.PARENS, indent)
              + "."
              + m.method()
              + "("
              + procs(m.args(), indent)
              + ")";
    };
  }

  private static String unary(Proc.Unary u, int indent) {
    return switch (u.op()) {
      case NOT -> "not " + at(u.operand(), Precedence.of(u), indent);
      case NEG -> {
        // "--" is a token of its own: a negated negation needs a space.
        String operand = at(u.operand(), Precedence.of(u), indent);
        yield operand.startsWith("-") ? "- " + operand : "-" + operand;
      }
      case PATTERN_NOT -> UnaryOp.PATTERN_NOT.symbol() + at(u.operand(), Precedence.of(u), indent);
    };
  }

  /** Nested single-receipt inputs print as one {@code for} with receipts joined by {@code ;}. */
  private static String input(Proc.Input in, int indent) {
    List<String> receipts = new ArrayList<>();
    Proc body = in;
    while (body instanceof Proc.Input next) {
      receipts.add(receipt(next, indent));
      body = next.body();
    }
    return "for (" + String.join("; ", receipts) + ") " + block(body, indent);
  }

  private static String receipt(Proc.Input in, int indent) {
    return join(in.binds(), b -> bind(b, in.kind(), indent), " & ");
  }

  private static String bind(Bind b, ReceiptKind kind, int indent) {
    String lhs = patterns(b.patterns(), b.remainder(), indent);
    String source =
        switch (b.source()) {
          case Source.Simple s -> name(s.channel(), indent);
          case Source.ReceiveSend r -> linearOnly(kind, name(r.channel(), indent) + "?!");
          case Source.SendReceive s ->
              linearOnly(kind, name(s.channel(), indent) + "!?(" + procs(s.args(), indent) + ")");
        };
    return (lhs.isEmpty() ? "" : lhs + " ") + kind.arrow() + " " + source;
  }

  private static String linearOnly(ReceiptKind kind, String source) {
    if (kind != ReceiptKind.LINEAR) {
      throw new IllegalArgumentException("only a linear bind can use the source " + source);
    }
    return source;
  }

  private static String branch(Branch b, int indent) {
    if (b.binds().isEmpty()) {
      throw new IllegalArgumentException("a select branch needs at least one bind");
    }
    return join(b.binds(), x -> bind(x, ReceiptKind.LINEAR, indent), " & ")
        + " => "
        + at(b.body(), 3, indent);
  }

  private static String matchCase(Case c, int indent) {
    return at(c.pattern(), Precedence.PATTERN, indent) + " => " + at(c.body(), 3, indent);
  }

  private static String decl(Decl d, int indent) {
    String lhs = patterns(d.names(), d.remainder(), indent);
    // Level 2: a value ending in a synchronous send's "; P" would swallow the next ";" decl.
    String values = join(d.values(), v -> at(v, 2, indent), ", ");
    return (lhs.isEmpty() ? "" : lhs + " ") + "<-" + (values.isEmpty() ? "" : " " + values);
  }

  private static String separator(LetKind kind) {
    return switch (kind) {
      case SEQUENTIAL -> kind.separator() + " ";
      case CONCURRENT -> " " + kind.separator() + " ";
    };
  }

  private static String keyValue(KeyValue kv, int indent) {
    return at(kv.key(), 0, indent) + ": " + at(kv.value(), 0, indent);
  }

  private static String nameDecl(NameDecl d) {
    return d.var() + d.uri().map(u -> "(" + Literals.uri(u) + ")").orElse("");
  }

  /** "BigInt(" is one token (the literal's opening): {@code @BigInt (x)} needs its space. */
  private static String contractName(Name n, int indent) {
    String printed = name(n, indent);
    return printed.endsWith(SimpleTypeKind.BIG_INT.keyword()) ? printed + " " : printed;
  }

  private static String name(Name n, int indent) {
    return switch (n) {
      case Name.NameVar v -> v.name();
      case Name.NameWildcard w -> "_";
      case Name.Quote q -> "@" + at(q.proc(), Precedence.QUOTE, indent);
    };
  }

  /** Names then an optional {@code ...@rest}, as in binds, contracts and let declarations. */
  private static String patterns(List<Name> names, Optional<Proc> remainder, int indent) {
    String list = join(names, n -> name(n, indent), ", ");
    if (remainder.isEmpty()) {
      return list;
    }
    String rest = "...@" + remainderVar(remainder.get());
    return list.isEmpty() ? rest : list + " " + rest;
  }

  private static String remainder(Optional<Proc> remainder, List<?> before) {
    return remainder.map(r -> (before.isEmpty() ? "..." : " ...") + remainderVar(r)).orElse("");
  }

  private static String remainderVar(Proc r) {
    return switch (r) {
      case Proc.Var v -> v.name();
      case Proc.Wildcard w -> "_";
      default -> throw new IllegalArgumentException("a remainder must be a variable or _: " + r);
    };
  }

  /** Arguments or elements: on one line, or one per line when that line would be long. */
  private static String procs(List<Proc> ps, int indent) {
    String inline = join(ps, q -> at(q, 0, indent), ", ");
    if (ps.size() < 2 || inline.length() <= LONG_LIST) {
      return inline;
    }
    String broken = join(ps, q -> pad(indent + 1) + at(q, 0, indent + 1), ",\n");
    return "\n" + broken + "\n" + pad(indent);
  }

  private static <T> String join(List<T> items, Function<T, String> f, String sep) {
    StringBuilder sb = new StringBuilder();
    for (T item : items) {
      if (!sb.isEmpty()) {
        sb.append(sep);
      }
      sb.append(f.apply(item));
    }
    return sb.toString();
  }

  private static String pad(int indent) {
    return "  ".repeat(indent);
  }
}
