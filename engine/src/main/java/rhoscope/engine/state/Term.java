package rhoscope.engine.state;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SimpleTypeKind;
import rhoscope.lang.ast.process.UnaryOp;

/**
 * The engine's internal term language, compiled from the process AST. Bound variables are
 * slot-indexed ({@link Var}: frames crossed, slot in the frame), so alpha-equivalent
 * terms are equal records; sugar ({@code let}, {@code contract}, {@code !?}, bundles) is
 * gone. Running threads are closed terms: their only variables are bound inside them.
 *
 * <p>Names and processes share this type: a name is {@link Quote} or {@link Priv}; a name
 * used where a process is expected is {@link Eval}. The smart constructors in {@link Terms}
 * keep {@code *@P = P}, {@code @*n = n} and flat, sorted {@link Par}s, so that structurally
 * congruent terms are equal.
 */
public sealed interface Term {

  Nil NIL = new Nil();

  // ---- processes

  record Nil() implements Term {}

  /** At least two parts, none Nil or Par, sorted by {@link Terms#hash}: build with Terms.par. */
  record Par(List<Term> parts) implements Term {}

  /** {@code new}: one frame slot per declared name; a URI declaration binds a public name. */
  record New(List<NewName> names, Term body) implements Term {}

  record NewName(String ident, Optional<String> uri) {
    public NewName {
      Objects.requireNonNull(ident, "ident");
      Objects.requireNonNull(uri, "uri");
    }
  }

  record Send(Term channel, List<Term> args, boolean persistent) implements Term {}

  /** A receipt: its binds share one frame of {@code frame} slots, visible in {@code body}. */
  record Input(ReceiptKind kind, List<InBind> binds, int frame, Term body, boolean contract)
      implements Term {}

  /** One bind: name patterns matched against the message's arguments; rest gets the others. */
  record InBind(Term channel, List<Term> patterns, Optional<Term> rest) {}

  /** {@code select}: any branch whose binds can all be satisfied may fire (a choice). */
  record Choice(List<Branch> branches) implements Term {}

  record Branch(List<InBind> binds, int frame, Term body) {}

  record Match(Term target, List<MatchCase> cases) implements Term {}

  record MatchCase(Term pattern, int frame, Term body) {}

  record If(Term condition, Term then, Term otherwise) implements Term {}

  /** {@code let}: the declarations bind at once (one frame) without a communication. */
  record Let(List<LetDecl> decls, int frame, Term body) implements Term {}

  record LetDecl(List<Term> patterns, Optional<Term> rest, List<Term> values) {}

  /** {@code *n} where n is not (yet) a quote. */
  record Eval(Term name) implements Term {}

  /** A bound variable: {@code depth} binders out, slot {@code slot} of that binder's frame. */
  record Var(int depth, int slot) implements Term {}

  // ---- names

  /** {@code @P}: a name that quotes a process (public when P mentions no private name). */
  record Quote(Term proc) implements Term {}

  /** A private name: the identifier of its {@code new} and a canonical instance number. */
  record Priv(String ident, int index) implements Term {}

  // ---- ground data and expressions

  record IntV(long value) implements Term {}

  record BigV(BigInteger value) implements Term {}

  record StrV(String value) implements Term {}

  record BoolV(boolean value) implements Term {}

  record UriV(String value) implements Term {}

  /**
   * A byte array, as lowercase hex (two digits a byte), so that equal arrays are equal records;
   * Rholang writes one {@code "00ff".hexToBytes()}, as the readback does.
   */
  record BytesV(String hex) implements Term {
    public BytesV {
      if (hex.length() % 2 != 0 || !hex.chars().allMatch(c -> c >= '0' && c <= '9'
          || c >= 'a' && c <= 'f')) {
        throw new IllegalArgumentException("not lowercase hex of whole bytes: " + hex);
      }
    }
  }

  record ListT(List<Term> elements, Optional<Term> rest) implements Term {}

  record TupleT(List<Term> elements) implements Term {}

  /** Elements sorted by hash and distinct once evaluated. */
  record SetT(List<Term> elements, Optional<Term> rest) implements Term {}

  /** Entries sorted by key hash with distinct keys once evaluated. */
  record MapT(List<Term> keys, List<Term> values, Optional<Term> rest) implements Term {}

  record Bin(BinaryOp op, Term left, Term right) implements Term {}

  record Un(UnaryOp op, Term operand) implements Term {}

  record Meth(Term receiver, String method, List<Term> args) implements Term {}

  // ---- pattern-only

  /** A binding occurrence in a pattern: fills slot {@code slot} of the new frame. */
  record PVar(int slot) implements Term {}

  record PWild() implements Term {}

  record PType(SimpleTypeKind kind) implements Term {}
}
