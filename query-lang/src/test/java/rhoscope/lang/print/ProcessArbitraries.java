package rhoscope.lang.print;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
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

/**
 * Random process trees of bounded depth, covering every constructor, restricted to the trees
 * the grammar can express (non-negative literals, remainders that are variables, sources with
 * {@code ?!}/{@code !?} only in linear binds, a single let declaration marked sequential).
 */
final class ProcessArbitraries {
  private ProcessArbitraries() {}

  static Arbitrary<Proc> processes() {
    return proc(4);
  }

  private static Arbitrary<String> identifiers() {
    return Arbitraries.of("x", "y", "ch", "ret", "stdout", "_tmp", "a'", "nilly", "Int2", "ForAll");
  }

  private static Arbitrary<Proc> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.just(new Proc.Nil()),
        identifiers().map(Proc.Var::new),
        Arbitraries.just(new Proc.Wildcard()),
        Arbitraries.of(true, false).map(Proc.BoolLit::new),
        Arbitraries.longs().between(0, Long.MAX_VALUE).map(Proc.IntLit::new),
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.TEN.pow(30))
            .map(Proc.BigIntLit::new),
        Arbitraries.strings()
            .withChars("ab \"\\\n\t/*`é→")
            .ofMaxLength(6)
            .map(Proc.StringLit::new),
        Arbitraries.strings().withChars("rho:io`\\").ofMaxLength(8).map(Proc.UriLit::new),
        Arbitraries.of(SimpleTypeKind.class).map(Proc.SimpleType::new),
        Combinators.combine(Arbitraries.of(VarRefKind.class), identifiers())
            .as(Proc.VarRef::new));
  }

  private static Arbitrary<Proc> proc(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Proc> sub = Arbitraries.lazy(() -> proc(depth - 1));
    Arbitrary<List<Proc>> some = sub.list().ofMaxSize(3);
    Arbitrary<Name> name = name(depth - 1);
    Arbitrary<Optional<Proc>> remainder = remainder();
    return Arbitraries.frequencyOf(
        Tuple.of(6, leaf()),
        Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(Proc.Par::of)),
        Tuple.of(1, newProc(sub)),
        Tuple.of(
            2,
            Combinators.combine(name, Arbitraries.of(SendKind.class), some).as(Proc.Send::new)),
        Tuple.of(
            1, Combinators.combine(name, some, sub.optional()).as(Proc.SendSync::new)),
        Tuple.of(2, input(depth, sub)),
        Tuple.of(
            1,
            Combinators.combine(name, name.list().ofMaxSize(2), remainder, sub)
                .as(Proc.Contract::new)),
        Tuple.of(
            1,
            Combinators.combine(linearBinds(depth), sub)
                .as(Branch::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(2)
                .map(Proc.Select::new)),
        Tuple.of(
            1,
            Combinators.combine(
                    sub, Combinators.combine(sub, sub).as(Case::new).list().ofMinSize(1).ofMaxSize(2))
                .as(Proc.Match::new)),
        Tuple.of(1, Combinators.combine(sub, sub, sub.optional()).as(Proc.If::new)),
        Tuple.of(1, let(depth, sub)),
        Tuple.of(
            1, Combinators.combine(Arbitraries.of(BundleKind.class), sub).as(Proc.Bundle::new)),
        Tuple.of(1, name.map(Proc.Eval::new)),
        Tuple.of(1, Combinators.combine(some, remainder).as(Proc.ListLit::new)),
        Tuple.of(1, sub.list().ofMinSize(1).ofMaxSize(3).map(Proc.TupleLit::new)),
        Tuple.of(1, Combinators.combine(some, remainder).as(Proc.SetLit::new)),
        Tuple.of(
            1,
            Combinators.combine(
                    Combinators.combine(sub, sub).as(KeyValue::new).list().ofMaxSize(2), remainder)
                .as(Proc.MapLit::new)),
        Tuple.of(
            2, Combinators.combine(Arbitraries.of(UnaryOp.class), sub).as(Proc.Unary::new)),
        Tuple.of(
            3,
            Combinators.combine(Arbitraries.of(BinaryOp.class), sub, sub).as(Proc.Binary::new)),
        Tuple.of(
            1,
            Combinators.combine(sub, Arbitraries.of("nth", "toByteArray", "length"), some)
                .as(Proc.Method::new)));
  }

  private static Arbitrary<Name> name(int depth) {
    Arbitrary<Name> simple =
        Arbitraries.oneOf(
            identifiers().map(Name.NameVar::new), Arbitraries.just(new Name.NameWildcard()));
    if (depth == 0) {
      return simple;
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, simple),
        Tuple.of(
            1, Arbitraries.lazy(() -> proc(depth - 1)).map(p -> (Name) new Name.Quote(p))));
  }

  private static Arbitrary<Optional<Proc>> remainder() {
    return Arbitraries.oneOf(
            identifiers().map(v -> (Proc) new Proc.Var(v)),
            Arbitraries.just((Proc) new Proc.Wildcard()))
        .optional();
  }

  private static Arbitrary<Proc> newProc(Arbitrary<Proc> body) {
    Arbitrary<NameDecl> decl =
        Combinators.combine(
                identifiers(),
                Arbitraries.of("rho:io:stdout", "rho:registry:lookup").optional(0.3))
            .as(NameDecl::new);
    return Combinators.combine(decl.list().ofMinSize(1).ofMaxSize(2), body).as(Proc.New::new);
  }

  private static Arbitrary<List<Bind>> linearBinds(int depth) {
    Arbitrary<Name> name = name(depth - 1);
    Arbitrary<Source> source =
        Arbitraries.oneOf(
            name.map(Source.Simple::new),
            name.map(Source.ReceiveSend::new),
            Combinators.combine(name, Arbitraries.lazy(() -> proc(depth - 1)).list().ofMaxSize(2))
                .as(Source.SendReceive::new));
    return Combinators.combine(name.list().ofMaxSize(2), remainder(), source)
        .as(Bind::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(2);
  }

  private static Arbitrary<Proc> input(int depth, Arbitrary<Proc> body) {
    Arbitrary<Name> name = name(depth - 1);
    Arbitrary<List<Bind>> simpleBinds =
        Combinators.combine(name.list().ofMaxSize(2), remainder(), name.map(Source.Simple::new))
            .as(Bind::new)
            .list()
            .ofMinSize(1)
            .ofMaxSize(2);
    return Arbitraries.oneOf(
        Combinators.combine(linearBinds(depth), body)
            .as((binds, b) -> new Proc.Input(ReceiptKind.LINEAR, binds, b)),
        Combinators.combine(Arbitraries.of(ReceiptKind.PERSISTENT, ReceiptKind.PEEK), simpleBinds, body)
            .as(Proc.Input::new));
  }

  private static Arbitrary<Proc> let(int depth, Arbitrary<Proc> body) {
    Arbitrary<Decl> decl =
        Combinators.combine(
                name(depth - 1).list().ofMaxSize(2), remainder(), body.list().ofMaxSize(2))
            .as(Decl::new);
    return Combinators.combine(Arbitraries.of(LetKind.class), decl.list().ofMinSize(1).ofMaxSize(3), body)
        .as((kind, decls, b) -> new Proc.Let(decls.size() == 1 ? LetKind.SEQUENTIAL : kind, decls, b));
  }
}
