package rhoscope.lang.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.BundleKind;
import rhoscope.lang.ast.process.Case;
import rhoscope.lang.ast.process.Decl;
import rhoscope.lang.ast.process.KeyValue;
import rhoscope.lang.ast.process.LetKind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.SimpleTypeKind;
import rhoscope.lang.ast.process.Source;
import rhoscope.lang.ast.process.UnaryOp;
import rhoscope.lang.ast.process.VarRefKind;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.diag.SourceSpan;
import rhoscope.lang.parse.grammar.RholangBaseVisitor;
import rhoscope.lang.parse.grammar.RholangParser;

/**
 * Turns a Rholang parse tree into the process AST, recording the span of every node it
 * creates. Grouping ({@code { P }}, {@code ( E )}) leaves no node behind.
 */
final class AstBuilder extends RholangBaseVisitor<Proc> {
  private final String sourceName;
  private final String text;
  private final Positions.Builder positions = Positions.builder();

  AstBuilder(String sourceName, String text) {
    this.sourceName = sourceName;
    this.text = text;
  }

  Positions positions() {
    return positions.build();
  }

  // ---- levels 0 and 1

  @Override
  public Proc visitProcess(RholangParser.ProcessContext ctx) {
    return visit(ctx.proc());
  }

  @Override
  public Proc visitPar(RholangParser.ParContext ctx) {
    // Walk the left spine iteratively: a file with thousands of top-level threads must not
    // recurse once per '|'.
    List<Proc> parts = new ArrayList<>();
    RholangParser.ProcContext cur = ctx;
    while (cur instanceof RholangParser.ParContext par) {
      parts.add(visit(par.proc1()));
      cur = par.proc();
    }
    parts.add(visit(cur));
    Collections.reverse(parts);
    return at(Proc.Par.of(parts), ctx);
  }

  @Override
  public Proc visitIf(RholangParser.IfContext ctx) {
    Optional<Proc> otherwise = Optional.ofNullable(ctx.proc1()).map(this::visit);
    return at(new Proc.If(visit(ctx.proc()), visit(ctx.proc2()), otherwise), ctx);
  }

  @Override
  public Proc visitNew(RholangParser.NewContext ctx) {
    List<NameDecl> decls = new ArrayList<>();
    for (RholangParser.NameDeclContext d : ctx.nameDecl()) {
      Optional<String> uri = Optional.ofNullable(d.URI()).map(u -> uriText(u.getSymbol()));
      decls.add(at(new NameDecl(d.VAR().getText(), uri), d));
    }
    return at(new Proc.New(decls, visit(ctx.proc1())), ctx);
  }

  @Override
  public Proc visitSendSynch(RholangParser.SendSynchContext ctx) {
    Optional<Proc> cont =
        ctx.synchSendCont() instanceof RholangParser.NonEmptyContContext c
            ? Optional.of(visit(c.proc1()))
            : Optional.empty();
    return at(new Proc.SendSync(name(ctx.name()), procs(ctx.procList()), cont), ctx);
  }

  // ---- level 2

  @Override
  public Proc visitContract(RholangParser.ContractContext ctx) {
    return at(
        new Proc.Contract(
            name(ctx.name()),
            names(ctx.nameList()),
            nameRemainder(ctx.nameRemainder()),
            visit(ctx.proc())),
        ctx);
  }

  @Override
  public Proc visitInput(RholangParser.InputContext ctx) {
    // for (r1; r2; ...) { P } is for (r1) { for (r2) { ... { P } } }: build inside out.
    Proc body = visit(ctx.proc());
    List<RholangParser.ReceiptContext> receipts = ctx.receipt();
    for (int i = receipts.size() - 1; i >= 0; i--) {
      RholangParser.ReceiptContext r = receipts.get(i);
      Proc.Input input = receipt(r, body);
      body = i == 0 ? at(input, ctx) : at(input, r.getStart(), ctx.getStop());
    }
    return body;
  }

  private Proc.Input receipt(RholangParser.ReceiptContext ctx, Proc body) {
    List<Bind> binds = new ArrayList<>();
    return switch (ctx) {
      case RholangParser.LinearReceiptContext l -> {
        l.linearBind().forEach(b -> binds.add(linearBind(b)));
        yield new Proc.Input(ReceiptKind.LINEAR, binds, body);
      }
      case RholangParser.RepeatedReceiptContext r -> {
        for (RholangParser.RepeatedBindContext b : r.repeatedBind()) {
          binds.add(bind(b, b.nameList(), b.nameRemainder(), simpleSource(b.name())));
        }
        yield new Proc.Input(ReceiptKind.PERSISTENT, binds, body);
      }
      case RholangParser.PeekReceiptContext p -> {
        for (RholangParser.PeekBindContext b : p.peekBind()) {
          binds.add(bind(b, b.nameList(), b.nameRemainder(), simpleSource(b.name())));
        }
        yield new Proc.Input(ReceiptKind.PEEK, binds, body);
      }
      default -> throw new IllegalStateException("unknown receipt " + ctx.getClass());
    };
  }

  private Bind linearBind(RholangParser.LinearBindContext b) {
    Source source =
        switch (b.nameSource()) {
          case RholangParser.SimpleSourceContext s -> at(new Source.Simple(name(s.name())), s);
          case RholangParser.ReceiveSendSourceContext s ->
              at(new Source.ReceiveSend(name(s.name())), s);
          case RholangParser.SendReceiveSourceContext s ->
              at(new Source.SendReceive(name(s.name()), procs(s.procList())), s);
          default -> throw new IllegalStateException("unknown source " + b.getClass());
        };
    return bind(b, b.nameList(), b.nameRemainder(), source);
  }

  private Source simpleSource(RholangParser.NameContext n) {
    return at(new Source.Simple(name(n)), n);
  }

  private Bind bind(
      ParserRuleContext ctx,
      RholangParser.NameListContext patterns,
      RholangParser.NameRemainderContext remainder,
      Source source) {
    return at(new Bind(names(patterns), nameRemainder(remainder), source), ctx);
  }

  @Override
  public Proc visitSelect(RholangParser.SelectContext ctx) {
    List<Branch> branches = new ArrayList<>();
    for (RholangParser.BranchContext b : ctx.branch()) {
      List<Bind> binds = new ArrayList<>();
      b.linearBind().forEach(l -> binds.add(linearBind(l)));
      branches.add(at(new Branch(binds, visit(b.proc3())), b));
    }
    return at(new Proc.Select(branches), ctx);
  }

  @Override
  public Proc visitMatch(RholangParser.MatchContext ctx) {
    List<Case> cases = new ArrayList<>();
    for (RholangParser.MatchCaseContext c : ctx.matchCase()) {
      cases.add(at(new Case(visit(c.proc13()), visit(c.proc3())), c));
    }
    return at(new Proc.Match(visit(ctx.proc4()), cases), ctx);
  }

  @Override
  public Proc visitBundleProc(RholangParser.BundleProcContext ctx) {
    return at(new Proc.Bundle(bundleKind(ctx.bundle().kind.getText()), visit(ctx.proc())), ctx);
  }

  private static BundleKind bundleKind(String keyword) {
    for (BundleKind k : BundleKind.values()) {
      if (k.keyword().equals(keyword)) {
        return k;
      }
    }
    throw new IllegalStateException("unknown bundle " + keyword);
  }

  @Override
  public Proc visitLet(RholangParser.LetContext ctx) {
    List<Decl> decls = new ArrayList<>();
    decls.add(decl(ctx.decl()));
    LetKind kind =
        switch (ctx.decls()) {
          case RholangParser.LinearDeclsContext l -> {
            l.decl().forEach(d -> decls.add(decl(d)));
            yield LetKind.SEQUENTIAL;
          }
          case RholangParser.ConcDeclsContext c -> {
            c.decl().forEach(d -> decls.add(decl(d)));
            yield LetKind.CONCURRENT;
          }
          default -> LetKind.SEQUENTIAL;
        };
    return at(new Proc.Let(kind, decls, visit(ctx.proc())), ctx);
  }

  private Decl decl(RholangParser.DeclContext d) {
    return at(
        new Decl(names(d.nameList()), nameRemainder(d.nameRemainder()), procs(d.procList())), d);
  }

  // ---- level 3 and expressions

  @Override
  public Proc visitSendProc(RholangParser.SendProcContext ctx) {
    SendKind kind = ctx.send().kind.getText().equals("!!") ? SendKind.PERSISTENT : SendKind.SINGLE;
    return at(new Proc.Send(name(ctx.name()), kind, procs(ctx.procList())), ctx);
  }

  @Override
  public Proc visitOrExpr(RholangParser.OrExprContext ctx) {
    return binary(ctx, ctx.op, ctx.proc4(), ctx.proc5());
  }

  @Override
  public Proc visitAndExpr(RholangParser.AndExprContext ctx) {
    return binary(ctx, ctx.op, ctx.proc5(), ctx.proc6());
  }

  @Override
  public Proc visitEqExpr(RholangParser.EqExprContext ctx) {
    return binary(ctx, ctx.op, ctx.proc6(), ctx.proc7());
  }

  @Override
  public Proc visitMatchesOrUp(RholangParser.MatchesOrUpContext ctx) {
    Proc left = visit(ctx.proc7(0));
    if (ctx.pattern == null) {
      return left;
    }
    return at(new Proc.Binary(BinaryOp.MATCHES, left, visit(ctx.pattern)), ctx);
  }

  @Override
  public Proc visitCmpExpr(RholangParser.CmpExprContext ctx) {
    return binary(ctx, ctx.op, ctx.proc7(), ctx.proc8());
  }

  @Override
  public Proc visitAddExpr(RholangParser.AddExprContext ctx) {
    return binary(ctx, ctx.op, ctx.proc8(), ctx.proc9());
  }

  @Override
  public Proc visitMulExpr(RholangParser.MulExprContext ctx) {
    return binary(ctx, ctx.op, ctx.proc9(), ctx.proc10());
  }

  private Proc binary(
      ParserRuleContext ctx, Token op, ParserRuleContext left, ParserRuleContext right) {
    return at(new Proc.Binary(binaryOp(op.getText()), visit(left), visit(right)), ctx);
  }

  private static BinaryOp binaryOp(String symbol) {
    for (BinaryOp op : BinaryOp.values()) {
      if (op.symbol().equals(symbol)) {
        return op;
      }
    }
    throw new IllegalStateException("unknown operator " + symbol);
  }

  @Override
  public Proc visitUnaryExpr(RholangParser.UnaryExprContext ctx) {
    UnaryOp op = ctx.op.getText().equals("not") ? UnaryOp.NOT : UnaryOp.NEG;
    return at(new Proc.Unary(op, visit(ctx.proc10())), ctx);
  }

  @Override
  public Proc visitMethod(RholangParser.MethodContext ctx) {
    return at(
        new Proc.Method(visit(ctx.proc11()), ctx.VAR().getText(), procs(ctx.procList())), ctx);
  }

  @Override
  public Proc visitParens(RholangParser.ParensContext ctx) {
    return visit(ctx.proc4());
  }

  @Override
  public Proc visitEval(RholangParser.EvalContext ctx) {
    return at(new Proc.Eval(name(ctx.name())), ctx);
  }

  @Override
  public Proc visitVarRef(RholangParser.VarRefContext ctx) {
    VarRefKind kind = ctx.star == null ? VarRefKind.PROC : VarRefKind.NAME;
    return at(new Proc.VarRef(kind, ctx.VAR().getText()), ctx);
  }

  @Override
  public Proc visitDisjunction(RholangParser.DisjunctionContext ctx) {
    return at(new Proc.Binary(BinaryOp.DISJ, visit(ctx.proc13()), visit(ctx.proc14())), ctx);
  }

  @Override
  public Proc visitConjunction(RholangParser.ConjunctionContext ctx) {
    return at(new Proc.Binary(BinaryOp.CONJ, visit(ctx.proc14()), visit(ctx.proc15())), ctx);
  }

  @Override
  public Proc visitNegation(RholangParser.NegationContext ctx) {
    return at(new Proc.Unary(UnaryOp.PATTERN_NOT, visit(ctx.proc15())), ctx);
  }

  // ---- level 16: atoms

  @Override
  public Proc visitNil(RholangParser.NilContext ctx) {
    return at(new Proc.Nil(), ctx);
  }

  @Override
  public Proc visitBraces(RholangParser.BracesContext ctx) {
    return switch (ctx.braced()) {
      case RholangParser.BlockOrMapContext b when b.colon == null -> visit(b.proc(0));
      case RholangParser.BlockOrMapContext m -> {
        List<KeyValue> entries = new ArrayList<>();
        KeyValue first = new KeyValue(visit(m.proc(0)), visit(m.proc(1)));
        entries.add(at(first, m.getStart(), m.proc(1).getStop()));
        for (RholangParser.KeyValueContext kv : m.keyValue()) {
          entries.add(at(new KeyValue(visit(kv.proc(0)), visit(kv.proc(1))), kv));
        }
        yield at(new Proc.MapLit(entries, procRemainder(m.procRemainder())), ctx);
      }
      case RholangParser.MapRestContext r ->
          at(new Proc.MapLit(List.of(), procRemainder(r.procRemainder())), ctx);
      default -> throw new IllegalStateException("unknown braces " + ctx.getClass());
    };
  }

  @Override
  public Proc visitSimpleTypeProc(RholangParser.SimpleTypeProcContext ctx) {
    String keyword = ctx.simpleType().kind.getText();
    for (SimpleTypeKind k : SimpleTypeKind.values()) {
      if (k.keyword().equals(keyword)) {
        return at(new Proc.SimpleType(k), ctx);
      }
    }
    throw new IllegalStateException("unknown simple type " + keyword);
  }

  @Override
  public Proc visitProcWildcard(RholangParser.ProcWildcardContext ctx) {
    return at(new Proc.Wildcard(), ctx);
  }

  @Override
  public Proc visitProcVariable(RholangParser.ProcVariableContext ctx) {
    return at(new Proc.Var(ctx.VAR().getText()), ctx);
  }

  @Override
  public Proc visitBoolLiteral(RholangParser.BoolLiteralContext ctx) {
    return at(new Proc.BoolLit(ctx.kind.getText().equals("true")), ctx);
  }

  @Override
  public Proc visitBigIntLiteral(RholangParser.BigIntLiteralContext ctx) {
    return at(new Proc.BigIntLit(new BigInteger(ctx.LONG().getText())), ctx);
  }

  @Override
  public Proc visitLongLiteral(RholangParser.LongLiteralContext ctx) {
    Token t = ctx.LONG().getSymbol();
    try {
      return at(new Proc.IntLit(Long.parseLong(t.getText())), ctx);
    } catch (NumberFormatException e) {
      throw new LangException(
          ErrorCode.BAD_LITERAL,
          sourceName,
          text,
          t.getLine(),
          t.getCharPositionInLine() + 1,
          "integer literal " + t.getText() + " does not fit in 64 bits; use BigInt(" + t.getText()
              + ")");
    }
  }

  @Override
  public Proc visitStringLiteral(RholangParser.StringLiteralContext ctx) {
    return at(new Proc.StringLit(Escapes.unquote(ctx.STRING().getText())), ctx);
  }

  @Override
  public Proc visitUriLiteral(RholangParser.UriLiteralContext ctx) {
    return at(new Proc.UriLit(uriText(ctx.URI().getSymbol())), ctx);
  }

  @Override
  public Proc visitListCollection(RholangParser.ListCollectionContext ctx) {
    return at(
        new Proc.ListLit(procs(ctx.procList()), procRemainder(ctx.procRemainder())), ctx);
  }

  @Override
  public Proc visitSingleTuple(RholangParser.SingleTupleContext ctx) {
    return at(new Proc.TupleLit(List.of(visit(ctx.proc()))), ctx);
  }

  @Override
  public Proc visitMultiTuple(RholangParser.MultiTupleContext ctx) {
    List<Proc> elements = new ArrayList<>();
    elements.add(visit(ctx.proc()));
    elements.addAll(procs(ctx.procList()));
    return at(new Proc.TupleLit(elements), ctx);
  }

  @Override
  public Proc visitSetCollection(RholangParser.SetCollectionContext ctx) {
    return at(new Proc.SetLit(procs(ctx.procList()), procRemainder(ctx.procRemainder())), ctx);
  }

  // ---- names, lists, remainders

  private Name name(RholangParser.NameContext ctx) {
    return switch (ctx) {
      case RholangParser.NameWildcardContext w -> at(new Name.NameWildcard(), w);
      case RholangParser.NameVarContext v -> at(new Name.NameVar(v.VAR().getText()), v);
      case RholangParser.NameQuoteContext q -> at(new Name.Quote(visit(q.proc12())), q);
      default -> throw new IllegalStateException("unknown name " + ctx.getClass());
    };
  }

  private List<Name> names(RholangParser.NameListContext ctx) {
    List<Name> out = new ArrayList<>();
    ctx.name().forEach(n -> out.add(name(n)));
    return out;
  }

  private List<Proc> procs(RholangParser.ProcListContext ctx) {
    List<Proc> out = new ArrayList<>();
    ctx.proc().forEach(p -> out.add(visit(p)));
    return out;
  }

  private Optional<Proc> procRemainder(RholangParser.ProcRemainderContext ctx) {
    return ctx == null ? Optional.empty() : Optional.of(visit(ctx.procVar()));
  }

  private Optional<Proc> nameRemainder(RholangParser.NameRemainderContext ctx) {
    return ctx == null ? Optional.empty() : Optional.of(visit(ctx.procVar()));
  }

  private static String uriText(Token t) {
    return Escapes.unquote(t.getText());
  }

  // ---- spans

  private <T> T at(T node, ParserRuleContext ctx) {
    return at(node, ctx.getStart(), ctx.getStop());
  }

  private <T> T at(T node, Token start, Token stop) {
    Token end = stop == null || stop.getTokenIndex() < start.getTokenIndex() ? start : stop;
    String endText = end.getType() == Token.EOF ? "" : end.getText();
    int endLine = end.getLine();
    int endColumn = end.getCharPositionInLine() + endText.length();
    int lastBreak = endText.lastIndexOf('\n');
    if (lastBreak >= 0) {
      endLine += (int) endText.chars().filter(c -> c == '\n').count();
      endColumn = endText.length() - lastBreak - 1;
    }
    return positions.put(
        node,
        new SourceSpan(start.getLine(), start.getCharPositionInLine() + 1, endLine, endColumn));
  }
}
