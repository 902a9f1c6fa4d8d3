package rhoscope.lang.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import rhoscope.lang.ast.type.Comparison;
import rhoscope.lang.ast.type.Literal;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.PayloadPattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeDefinition;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.diag.SourceSpan;
import rhoscope.lang.parse.grammar.TypeLexer;
import rhoscope.lang.parse.grammar.TypeParser.AtomContext;
import rhoscope.lang.parse.grammar.TypeParser.ComparatorContext;
import rhoscope.lang.parse.grammar.TypeParser.ConjunctionContext;
import rhoscope.lang.parse.grammar.TypeParser.DisjunctionContext;
import rhoscope.lang.parse.grammar.TypeParser.ImplicationContext;
import rhoscope.lang.parse.grammar.TypeParser.LetDefContext;
import rhoscope.lang.parse.grammar.TypeParser.LiteralContext;
import rhoscope.lang.parse.grammar.TypeParser.NamePatternContext;
import rhoscope.lang.parse.grammar.TypeParser.ParallelContext;
import rhoscope.lang.parse.grammar.TypeParser.PayloadContext;
import rhoscope.lang.parse.grammar.TypeParser.PayloadsContext;
import rhoscope.lang.parse.grammar.TypeParser.TypeContext;
import rhoscope.lang.parse.grammar.TypeParser.UnaryContext;
import rhoscope.lang.parse.grammar.TypeParser;

/**
 * Turns a type parse tree into the AST and checks it is well formed as it goes: named types
 * resolve with the right arity, fixpoint variables are bound and occur under an even number of
 * negations, ordering comparisons have ordered literals. Named types resolve in the scope given
 * plus the {@code let}s before them, so definitions cannot recurse (fixpoints do that).
 */
final class TypeTreeBuilder {
  /** A fixpoint binder in scope, with the number of negations around it. */
  private record Binder(String name, int negations) {}

  private final String sourceName;
  private final String text;
  private final BufferedTokenStream tokens;
  private final Positions.Builder positions = Positions.builder();
  private TypeLibrary scope;
  private Set<String> params = Set.of();
  private Deque<Binder> binders = new ArrayDeque<>();
  /** Binders hidden by a quoted name, payload or continuation, which start a scope afresh. */
  private final Deque<Deque<Binder>> hidden = new ArrayDeque<>();
  private int negations;

  TypeTreeBuilder(String sourceName, String text, BufferedTokenStream tokens, TypeLibrary scope) {
    this.sourceName = sourceName;
    this.text = text;
    this.tokens = tokens;
    this.scope = scope;
  }

  TypeLibrary scope() {
    return scope;
  }

  Positions positions() {
    return positions.build();
  }

  List<TypeDefinition> definitions(List<LetDefContext> lets) {
    Set<String> defined = new HashSet<>();
    List<TypeDefinition> defs = new ArrayList<>();
    for (LetDefContext let : lets) {
      List<TerminalNode> idents = let.IDENT();
      String name = idents.get(0).getText();
      if (!defined.add(name)) {
        throw error(ErrorCode.DUPLICATE_DEFINITION, idents.get(0).getSymbol(),
            "named type '" + name + "' is defined twice");
      }
      List<String> names = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (TerminalNode ident : idents.subList(1, idents.size())) {
        String param = ident.getText();
        if (!seen.add(param)) {
          throw error(ErrorCode.DUPLICATE_DEFINITION, ident.getSymbol(),
              "parameter '" + param + "' of '" + name + "' is declared twice");
        }
        names.add(param);
      }
      params = Set.copyOf(names);
      Type body = type(let.type());
      params = Set.of();
      TypeDefinition def = new TypeDefinition(name, names, body, doc(let));
      positions.put(def, span(let.start));
      defs.add(def);
      scope = scope.with(def);
    }
    return defs;
  }

  Type type(TypeContext ctx) {
    return implication(ctx.implication());
  }

  private Type implication(ImplicationContext ctx) {
    if (ctx.IMPLIES() == null) {
      return disjunction(ctx.disjunction());
    }
    negations++;
    Type left = disjunction(ctx.disjunction());
    negations--;
    return at(new Type.Implies(left, type(ctx.type())), ctx);
  }

  // The operand lists are fetched once and walked: ANTLR's indexed accessors (ctx.conjunction(i))
  // scan the children from the start on every call, which made long chains quadratic.

  private Type disjunction(DisjunctionContext ctx) {
    return leftFold(ctx, ctx.conjunction(), this::conjunction, Type.Or::new);
  }

  private Type conjunction(ConjunctionContext ctx) {
    return leftFold(ctx, ctx.parallel(), this::parallel, Type.And::new);
  }

  private Type parallel(ParallelContext ctx) {
    return leftFold(ctx, ctx.unary(), this::unary, Type.Par::new);
  }

  /** {@code ((a op b) op c) ...}: a left-associative chain, each link spanning {@code ctx}. */
  private <C> Type leftFold(
      ParserRuleContext ctx,
      List<C> operands,
      Function<C, Type> operand,
      BinaryOperator<Type> op) {
    Type result = null;
    for (C each : operands) {
      Type next = operand.apply(each);
      result = result == null ? next : at(op.apply(result, next), ctx);
    }
    return result;
  }

  private Type unary(UnaryContext ctx) {
    Type result = switch (ctx) {
      case TypeParser.NotTypeContext c -> {
        negations++;
        Type operand = unary(c.unary());
        negations--;
        yield new Type.Not(operand);
      }
      case TypeParser.DiamondContext c ->
          new Type.Diamond(Optional.of(namePattern(c.namePattern())), unary(c.unary()));
      case TypeParser.DiamondAnyContext c -> new Type.Diamond(Optional.empty(), unary(c.unary()));
      case TypeParser.BoxContext c ->
          new Type.Box(Optional.of(namePattern(c.namePattern())), unary(c.unary()));
      case TypeParser.BoxAnyContext c -> new Type.Box(Optional.empty(), unary(c.unary()));
      case TypeParser.ContainsContext c -> new Type.Contains(unary(c.unary()));
      case TypeParser.EventuallyContext c -> new Type.Eventually(unary(c.unary()));
      case TypeParser.AlwaysContext c -> new Type.Always(unary(c.unary()));
      case TypeParser.InevitablyContext c -> new Type.Inevitably(unary(c.unary()));
      case TypeParser.FixpointContext c -> {
        String x = c.IDENT().getText();
        binders.push(new Binder(x, negations));
        Type body = type(c.type());
        binders.pop();
        yield c.MU() != null ? new Type.Mu(x, body) : new Type.Nu(x, body);
      }
      case TypeParser.AtomTypeContext c -> atom(c.atom());
      default -> throw new IllegalStateException("unknown alternative " + ctx.getClass());
    };
    return at(result, ctx);
  }

  private Type atom(AtomContext ctx) {
    Type result = switch (ctx) {
      case TypeParser.NilContext c -> new Type.Nil();
      case TypeParser.TrueTypeContext c -> new Type.True();
      case TypeParser.FalseTypeContext c -> new Type.False();
      case TypeParser.DeadlockContext c -> new Type.Deadlock();
      case TypeParser.TerminatedContext c -> new Type.Terminated();
      case TypeParser.RaceContext c -> new Type.Race(namePattern(c.namePattern()));
      case TypeParser.TakeRaceContext c -> new Type.Race(namePattern(c.namePattern()), true);
      case TypeParser.SendContext c -> send(c);
      case TypeParser.ReceiveContext c -> {
        NamePattern channel = namePattern(c.namePattern());
        yield new Type.Receive(channel, nested(() -> type(c.type())));
      }
      case TypeParser.ContractContext c -> new Type.Contract(namePattern(c.namePattern()));
      case TypeParser.EvalContext c -> new Type.Eval(namePattern(c.namePattern()));
      case TypeParser.CallContext c -> call(c);
      case TypeParser.ReferenceContext c -> reference(c.IDENT().getSymbol());
      case TypeParser.ParensContext c -> type(c.type());
      default -> throw new IllegalStateException("unknown alternative " + ctx.getClass());
    };
    return at(result, ctx);
  }

  private Type send(TypeParser.SendContext ctx) {
    NamePattern channel = namePattern(ctx.namePattern());
    PayloadsContext payloads = ctx.payloads();
    if (payloads == null) {
      return new Type.Send(channel, List.of(), false);
    }
    List<PayloadPattern> args = new ArrayList<>();
    for (PayloadContext p : payloads.payload()) {
      args.add(payload(p));
    }
    return new Type.Send(channel, args, payloads.ELLIPSIS() != null);
  }

  private PayloadPattern payload(PayloadContext ctx) {
    return switch (ctx) {
      case TypeParser.AnyPayloadContext c -> new PayloadPattern.AnyPayload();
      case TypeParser.LiteralPayloadContext c -> new PayloadPattern.Equal(literal(c.literal()));
      case TypeParser.ComparePayloadContext c -> {
        Comparison op = comparison(c.comparator());
        Literal value = literal(c.literal());
        if (op.ordering() && value instanceof Literal.BoolValue) {
          throw error(ErrorCode.BAD_COMPARISON, c.comparator().start,
              "'" + op.symbol() + "' orders integers or strings; booleans have no order");
        }
        yield new PayloadPattern.Compare(op, value);
      }
      case TypeParser.TypePayloadContext c -> new PayloadPattern.Typed(nested(() -> type(c.type())));
      default -> throw new IllegalStateException("unknown alternative " + ctx.getClass());
    };
  }

  private static Comparison comparison(ComparatorContext ctx) {
    return switch (ctx.start.getType()) {
      case TypeLexer.LT -> Comparison.LT;
      case TypeLexer.LE -> Comparison.LE;
      case TypeLexer.GT -> Comparison.GT;
      case TypeLexer.GE -> Comparison.GE;
      case TypeLexer.NE -> Comparison.NE;
      default -> throw new IllegalStateException("unknown comparator " + ctx.getText());
    };
  }

  private Literal literal(LiteralContext ctx) {
    return switch (ctx) {
      case TypeParser.IntLiteralContext c -> {
        String digits = (c.MINUS() != null ? "-" : "") + c.INT().getText();
        try {
          yield new Literal.IntValue(Long.parseLong(digits));
        } catch (NumberFormatException e) {
          throw error(ErrorCode.BAD_LITERAL, c.start, "integer " + digits + " does not fit in 64 bits");
        }
      }
      case TypeParser.StringLiteralContext c -> new Literal.StringValue(unquote(c.STRING().getText()));
      case TypeParser.TrueLiteralContext c -> new Literal.BoolValue(true);
      case TypeParser.FalseLiteralContext c -> new Literal.BoolValue(false);
      default -> throw new IllegalStateException("unknown alternative " + ctx.getClass());
    };
  }

  private NamePattern namePattern(NamePatternContext ctx) {
    NamePattern result = switch (ctx) {
      case TypeParser.StringNameContext c -> new NamePattern.StringName(unquote(c.STRING().getText()));
      case TypeParser.UriNameContext c -> {
        String uri = c.URI().getText();
        yield new NamePattern.UriName(uri.substring(1, uri.length() - 1));
      }
      case TypeParser.PrivateNameContext c -> new NamePattern.PrivateName(c.IDENT().getText());
      case TypeParser.AnyNameContext c -> new NamePattern.AnyName();
      case TypeParser.QuoteNameContext c -> new NamePattern.QuoteName(nested(() -> atom(c.atom())));
      default -> throw new IllegalStateException("unknown alternative " + ctx.getClass());
    };
    return at(result, ctx);
  }

  private Type call(TypeParser.CallContext ctx) {
    Token name = ctx.IDENT().getSymbol();
    List<NamePattern> args = new ArrayList<>();
    for (NamePatternContext arg : ctx.namePattern()) {
      args.add(namePattern(arg));
    }
    TypeDefinition def =
        scope
            .lookup(name.getText())
            .orElseThrow(() -> error(ErrorCode.UNKNOWN_NAMED_TYPE, name,
                "unknown named type '" + name.getText() + "'"));
    checkArity(def, args.size(), name);
    return new Type.Call(name.getText(), args);
  }

  private Type reference(Token token) {
    String name = token.getText();
    for (Binder b : binders) {
      if (b.name().equals(name)) {
        if ((negations - b.negations()) % 2 != 0) {
          throw error(ErrorCode.NEGATIVE_FIXPOINT, token,
              "type variable '" + name + "' occurs under an odd number of negations"
                  + " ('not' or the left of '=>'), so its fixpoint is not monotone");
        }
        return new Type.Var(name);
      }
    }
    Optional<TypeDefinition> def = scope.lookup(name);
    if (def.isPresent()) {
      checkArity(def.get(), 0, token);
      return new Type.Call(name, List.of());
    }
    for (Deque<Binder> outer : hidden) {
      for (Binder b : outer) {
        if (b.name().equals(name)) {
          throw error(ErrorCode.UNBOUND_TYPE_VARIABLE, token,
              "type variable '" + name + "' is bound outside this quoted name, payload or"
                  + " continuation, which are typed on their own");
        }
      }
    }
    if (params.contains(name)) {
      throw error(ErrorCode.UNKNOWN_NAMED_TYPE, token,
          "'" + name + "' is a name parameter; it can stand only where a name pattern goes");
    }
    if (Character.isUpperCase(name.charAt(0))) {
      throw error(ErrorCode.UNBOUND_TYPE_VARIABLE, token,
          "unbound type variable '" + name + "' (no enclosing 'mu " + name + ".' or 'nu "
              + name + ".')");
    }
    throw error(ErrorCode.UNKNOWN_NAMED_TYPE, token, "unknown named type '" + name + "'");
  }

  private void checkArity(TypeDefinition def, int given, Token at) {
    if (def.params().size() != given) {
      throw error(ErrorCode.ARITY, at,
          "'" + def.name() + "' takes " + plural(def.params().size(), "name argument")
              + ", given " + given);
    }
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** Builds a quoted name, payload or continuation type, where outer variables are not visible. */
  private <T> T nested(Supplier<T> build) {
    Deque<Binder> saved = binders;
    int savedNegations = negations;
    hidden.push(saved);
    binders = new ArrayDeque<>();
    negations = 0;
    try {
      return build.get();
    } finally {
      binders = saved;
      negations = savedNegations;
      hidden.pop();
    }
  }

  /** The doc comment right before a {@code let}, without its delimiters and margin stars. */
  private String doc(LetDefContext let) {
    List<Token> before = tokens.getHiddenTokensToLeft(let.start.getTokenIndex());
    if (before == null || before.isEmpty()) {
      return "";
    }
    Token last = before.get(before.size() - 1);
    if (last.getType() != TypeLexer.DOC_COMMENT) {
      return "";
    }
    String body = last.getText();
    body = body.substring(3, body.length() - 2);
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\r\n|\r|\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("*")) {
        trimmed = trimmed.substring(1).strip();
      }
      if (!trimmed.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(trimmed);
      }
    }
    return sb.toString();
  }

  static String unquote(String literal) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length() - 1) {
        char next = literal.charAt(++i);
        sb.append(switch (next) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> next;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private <T> T at(T node, ParserRuleContext ctx) {
    Token start = ctx.start;
    Token stop = ctx.stop != null ? ctx.stop : start;
    positions.put(node, new SourceSpan(start.getLine(), start.getCharPositionInLine() + 1,
        stop.getLine(), stop.getCharPositionInLine() + stop.getText().length()));
    return node;
  }

  private static SourceSpan span(Token token) {
    return SourceSpan.at(token.getLine(), token.getCharPositionInLine() + 1);
  }

  private LangException error(ErrorCode code, Token token, String detail) {
    return new LangException(code, sourceName, text, token.getLine(),
        token.getCharPositionInLine() + 1, detail);
  }
}
