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
 * keep {@code TypeParser.parse(print(t))} equal to {@code t}. A core type prints its meaning: a
 * {@link Type.Sugared} node prints as its expansion, unless {@link #printAsWritten} asks for the
 * sugar it was written as (for messages that quote the user's query back).
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

  private static final TypePrinter CORE = new TypePrinter(false);
  private static final TypePrinter WRITTEN = new TypePrinter(true);

  /** Whether a sugared core prints as the sugar (else as its expansion). */
  private final boolean written;

  private TypePrinter(boolean written) {
    this.written = written;
  }

  public static String print(Type type) {
    return CORE.print(type, IMPLIES);
  }

  /** {@code type} with each expanded sugar printed as the sugar it was written as. */
  public static String printAsWritten(Type type) {
    return WRITTEN.print(type, IMPLIES);
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
    return CORE.name(name);
  }

  public static String print(PayloadPattern payload) {
    return CORE.payload(payload);
  }

  private String name(NamePattern name) {
    return switch (name) {
      case NamePattern.StringName s -> quote(s.glob());
      case NamePattern.UriName u -> '`' + u.glob() + '`';
      case NamePattern.PrivateName p -> p.identifier();
      case NamePattern.AnyName a -> "_";
      case NamePattern.QuoteName q ->
          "@" + (safeUnderQuote(q.type()) ? print(q.type(), ATOM) : "(" + print(q.type(), IMPLIES) + ")");
    };
  }

  private String payload(PayloadPattern payload) {
    return switch (payload) {
      case PayloadPattern.AnyPayload a -> "_";
      case PayloadPattern.Equal e -> print(e.value());
      case PayloadPattern.Compare c -> c.op().symbol() + " " + print(c.value());
      // "true" and "false" alone would read as literals.
      case PayloadPattern.Typed t ->
          t.type() instanceof Type.True || t.type() instanceof Type.False
              ? "(" + print(t.type(), IMPLIES) + ")"
              : print(t.type(), IMPLIES);
    };
  }

  public static String print(Literal literal) {
    return switch (literal) {
      case Literal.IntValue i -> Long.toString(i.value());
      case Literal.StringValue s -> quote(s.value());
      case Literal.BoolValue b -> Boolean.toString(b.value());
    };
  }

  private String print(Type type, int context) {
    String text = switch (type) {
      case Type.Nil n -> "Nil";
      case Type.True t -> "true";
      case Type.False f -> "false";
      case Type.Deadlock d -> "deadlock";
      case Type.Terminated t -> "terminated";
      case Type.Var v -> v.name();
      case Type.Race r -> (r.takes() ? "take_race(" : "race(") + name(r.channel()) + ")";
      case Type.Call c ->
          c.args().isEmpty()
              ? c.name()
              : c.name() + "(" + c.args().stream().map(this::name).collect(Collectors.joining(", ")) + ")";
      case Type.Send s -> name(s.channel()) + "!(" + payloads(s) + ")";
      case Type.Receive r -> "for(" + name(r.channel()) + ") { " + print(r.body(), IMPLIES) + " }";
      case Type.Contract c -> "contract " + name(c.channel());
      case Type.Eval e -> "*" + name(e.name());
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
      // Printed as what it stands for; level() gives that form's parentheses here.
      case Type.Sugared s -> print(shown(s), IMPLIES);
    };
    return level(type) < context ? "(" + text + ")" : text;
  }

  private Type shown(Type.Sugared sugared) {
    return written ? sugared.sugar() : sugared.core();
  }

  private int level(Type type) {
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
      case Type.Sugared s -> level(shown(s));
      case Type.Nil n -> ATOM;
      case Type.True t -> ATOM;
      case Type.False f -> ATOM;
      case Type.Deadlock d -> ATOM;
      case Type.Terminated t -> ATOM;
      case Type.Var v -> ATOM;
      case Type.Race r -> ATOM;
      case Type.Call c -> ATOM;
      case Type.Atom a -> ATOM;
    };
  }

  /** Atoms that read the same after {@code @}; the others are parenthesised for clarity. */
  private boolean safeUnderQuote(Type type) {
    return switch (type) {
      case Type.Nil n -> true;
      case Type.True t -> true;
      case Type.False f -> true;
      case Type.Deadlock d -> true;
      case Type.Terminated t -> true;
      case Type.Race r -> true;
      case Type.Receive r -> true;
      case Type.Call c -> true;
      case Type.Sugared s -> safeUnderQuote(shown(s));
      case Type.Var v -> false;
      case Type.Send s -> false;
      case Type.Contract c -> false;
      case Type.Eval e -> false;
      case Type.Not n -> false;
      case Type.And a -> false;
      case Type.Or o -> false;
      case Type.Par p -> false;
      case Type.Implies i -> false;
      case Type.Contains c -> false;
      case Type.Eventually e -> false;
      case Type.Always a -> false;
      case Type.Inevitably i -> false;
      case Type.Diamond d -> false;
      case Type.Box b -> false;
      case Type.Mu m -> false;
      case Type.Nu n -> false;
    };
  }

  private String label(String open, Optional<NamePattern> label, String close, String any) {
    return label.map(n -> open + name(n) + close).orElse(any);
  }

  private String payloads(Type.Send send) {
    String fixed = send.args().stream().map(this::payload).collect(Collectors.joining(", "));
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
