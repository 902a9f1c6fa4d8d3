package rhoscope.lang.print;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import rhoscope.lang.ast.type.Literal;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.PayloadPattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeDefinition;

/**
 * Prints types in the concrete syntax of {@code Type.g4}, with the fewest parentheses that
 * keep {@code TypeParser.parse(print(t))} equal to {@code t}.
 */
public final class TypePrinter {
  // Precedence levels, loosest first; a subterm printed where a tighter level is expected
  // gets parentheses. Fixpoints sit with "=>": their body extends as far right as it can.
  private static final int IMPLIES = 0;
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int PAR = 3;
  private static final int PREFIX = 4;
  private static final int ATOM = 5;

  private TypePrinter() {}

  public static String print(Type type) {
    return print(type, IMPLIES);
  }

  /** A query: its {@code let} definitions, one a line, then the type. */
  public static String print(List<TypeDefinition> definitions, Type type) {
    StringBuilder sb = new StringBuilder();
    for (TypeDefinition def : definitions) {
      sb.append(print(def)).append('\n');
    }
    return sb.append(print(type)).toString();
  }

  /** {@code let name(params) = body;}, preceded by its doc comment when it has one. */
  public static String print(TypeDefinition def) {
    StringBuilder sb = new StringBuilder();
    if (!def.doc().isEmpty()) {
      sb.append("/** ").append(def.doc().replace("*/", "* /")).append(" */\n");
    }
    sb.append("let ").append(def.name());
    if (!def.params().isEmpty()) {
      sb.append('(').append(String.join(", ", def.params())).append(')');
    }
    return sb.append(" = ").append(print(def.body())).append(';').toString();
  }

  public static String print(NamePattern name) {
    return switch (name) {
      case NamePattern.StringName s -> quote(s.glob());
      case NamePattern.UriName u -> '`' + u.glob() + '`';
      case NamePattern.PrivateName p -> p.identifier();
      case NamePattern.AnyName a -> "_";
      case NamePattern.QuoteName q ->
          "@" + (safeUnderQuote(q.type()) ? print(q.type(), ATOM) : "(" + print(q.type()) + ")");
    };
  }

  public static String print(PayloadPattern payload) {
    return switch (payload) {
      case PayloadPattern.AnyPayload a -> "_";
      case PayloadPattern.Equal e -> print(e.value());
      case PayloadPattern.Compare c -> c.op().symbol() + " " + print(c.value());
      // "true" and "false" alone would read as literals.
      case PayloadPattern.Typed t ->
          t.type() instanceof Type.True || t.type() instanceof Type.False
              ? "(" + print(t.type()) + ")"
              : print(t.type());
    };
  }

  public static String print(Literal literal) {
    return switch (literal) {
      case Literal.IntValue i -> Long.toString(i.value());
      case Literal.StringValue s -> quote(s.value());
      case Literal.BoolValue b -> Boolean.toString(b.value());
    };
  }

  private static String print(Type type, int context) {
    String text = switch (type) {
      case Type.Nil n -> "Nil";
      case Type.True t -> "true";
      case Type.False f -> "false";
      case Type.Deadlock d -> "deadlock";
      case Type.Terminated t -> "terminated";
      case Type.Var v -> v.name();
      case Type.Race r -> "race(" + print(r.channel()) + ")";
      case Type.Call c ->
          c.args().isEmpty()
              ? c.name()
              : c.name() + "(" + c.args().stream().map(TypePrinter::print).collect(Collectors.joining(", ")) + ")";
      case Type.Send s -> print(s.channel()) + "!(" + payloads(s) + ")";
      case Type.Receive r -> "for(" + print(r.channel()) + ") { " + print(r.body()) + " }";
      case Type.Contract c -> "contract " + print(c.channel());
      case Type.Eval e -> "*" + print(e.name());
      case Type.Not n -> "not " + print(n.operand(), PREFIX);
      case Type.Contains c -> "contains " + print(c.operand(), PREFIX);
      case Type.Eventually e -> "eventually " + print(e.operand(), PREFIX);
      case Type.Always a -> "always " + print(a.operand(), PREFIX);
      case Type.Inevitably i -> "inevitably " + print(i.operand(), PREFIX);
      case Type.Diamond d -> label("<", d.label(), ">", "<>") + print(d.body(), PREFIX);
      case Type.Box b -> label("[", b.label(), "]", "[]") + print(b.body(), PREFIX);
      case Type.Par p -> print(p.left(), PAR) + " | " + print(p.right(), PREFIX);
      case Type.And a -> print(a.left(), AND) + " and " + print(a.right(), PAR);
      case Type.Or o -> print(o.left(), OR) + " or " + print(o.right(), AND);
      case Type.Implies i -> print(i.left(), OR) + " => " + print(i.right(), IMPLIES);
      case Type.Mu m -> "mu " + m.variable() + ". " + print(m.body(), IMPLIES);
      case Type.Nu n -> "nu " + n.variable() + ". " + print(n.body(), IMPLIES);
    };
    return level(type) < context ? "(" + text + ")" : text;
  }

  private static int level(Type type) {
    return switch (type) {
      case Type.Implies i -> IMPLIES;
      case Type.Mu m -> IMPLIES;
      case Type.Nu n -> IMPLIES;
      case Type.Or o -> OR;
      case Type.And a -> AND;
      case Type.Par p -> PAR;
      case Type.Not n -> PREFIX;
      case Type.Contains c -> PREFIX;
      case Type.Eventually e -> PREFIX;
      case Type.Always a -> PREFIX;
      case Type.Inevitably i -> PREFIX;
      case Type.Diamond d -> PREFIX;
      case Type.Box b -> PREFIX;
      default -> ATOM;
    };
  }

  /** Atoms that read the same after {@code @}; the others are parenthesised for clarity. */
  private static boolean safeUnderQuote(Type type) {
    return switch (type) {
      case Type.Nil n -> true;
      case Type.True t -> true;
      case Type.False f -> true;
      case Type.Deadlock d -> true;
      case Type.Terminated t -> true;
      case Type.Race r -> true;
      case Type.Receive r -> true;
      case Type.Call c -> true;
      default -> false;
    };
  }

  private static String label(String open, Optional<NamePattern> label, String close, String any) {
    return label.map(n -> open + print(n) + close).orElse(any);
  }

  private static String payloads(Type.Send send) {
    String fixed = send.args().stream().map(TypePrinter::print).collect(Collectors.joining(", "));
    if (!send.open()) {
      return fixed;
    }
    return fixed.isEmpty() ? "..." : fixed + ", ...";
  }

  /** A double-quoted string literal with the escapes the type lexer reads back. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
