package rhoscope.lang.ast.process;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Rholang process. Rholang does not separate processes from expressions (ground data,
 * arithmetic, collections and patterns are processes too), so neither does this AST.
 *
 * <p>Nodes are immutable and compare structurally; source positions live in
 * {@link Positions}, outside equality, so that {@code parse(print(p)).equals(p)}.
 */
public sealed interface Proc {

  /** {@code Nil}. */
  record Nil() implements Proc {}

  /** {@code P | Q | ...}: always flat (no Par directly inside a Par) and of at least two parts. */
  record Par(List<Proc> parts) implements Proc {
    public Par {
      parts = List.copyOf(parts);
      if (parts.size() < 2) {
        throw new IllegalArgumentException("a Par needs at least two parts");
      }
      for (Proc p : parts) {
        if (p instanceof Par) {
          throw new IllegalArgumentException("a Par must be flat");
        }
      }
    }

    /** Builds the flattened parallel composition of the given processes (Nil if empty). */
    public static Proc of(List<? extends Proc> procs) {
      List<Proc> flat = new java.util.ArrayList<>();
      for (Proc p : procs) {
        if (p instanceof Par par) {
          flat.addAll(par.parts());
        } else {
          flat.add(p);
        }
      }
      return switch (flat.size()) {
        case 0 -> new Nil();
        case 1 -> flat.get(0);
        default -> new Par(flat);
      };
    }
  }

  /** {@code new x, y(`rho:uri`) in P}. */
  record New(List<NameDecl> decls, Proc body) implements Proc {
    public New {
      decls = List.copyOf(decls);
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code x!(args)} or the persistent {@code x!!(args)}. */
  record Send(Name channel, SendKind kind, List<Proc> args) implements Proc {
    public Send {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(kind, "kind");
      args = List.copyOf(args);
    }
  }

  /** {@code x!?(args).} or {@code x!?(args); P}: a synchronous send (sugar). */
  record SendSync(Name channel, List<Proc> args, Optional<Proc> continuation) implements Proc {
    public SendSync {
      Objects.requireNonNull(channel, "channel");
      args = List.copyOf(args);
      Objects.requireNonNull(continuation, "continuation");
    }
  }

  /**
   * {@code for (binds) { body }} with one receipt: binds joined by {@code &}, all of one kind.
   * A sequence of receipts {@code for (a <- x; b <- y)} is represented as nested inputs.
   */
  record Input(ReceiptKind kind, List<Bind> binds, Proc body) implements Proc {
    public Input {
      Objects.requireNonNull(kind, "kind");
      binds = List.copyOf(binds);
      if (binds.isEmpty()) {
        throw new IllegalArgumentException("an input needs at least one bind");
      }
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code contract name(formals ...@rest) = { body }}. */
  record Contract(Name name, List<Name> formals, Optional<Proc> remainder, Proc body)
      implements Proc {
    public Contract {
      Objects.requireNonNull(name, "name");
      formals = List.copyOf(formals);
      Objects.requireNonNull(remainder, "remainder");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code select { branch ... }}. */
  record Select(List<Branch> branches) implements Proc {
    public Select {
      branches = List.copyOf(branches);
    }
  }

  /** {@code match target { pattern => body ... }}. */
  record Match(Proc target, List<Case> cases) implements Proc {
    public Match {
      Objects.requireNonNull(target, "target");
      cases = List.copyOf(cases);
    }
  }

  /** {@code if (condition) then [else otherwise]}. */
  record If(Proc condition, Proc then, Optional<Proc> otherwise) implements Proc {
    public If {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(then, "then");
      Objects.requireNonNull(otherwise, "otherwise");
    }
  }

  /** {@code let decl (; decl)* in { body }} or with {@code &} between declarations. */
  record Let(LetKind kind, List<Decl> decls, Proc body) implements Proc {
    public Let {
      Objects.requireNonNull(kind, "kind");
      decls = List.copyOf(decls);
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code bundle+ { body }} and its siblings. */
  record Bundle(BundleKind kind, Proc body) implements Proc {
    public Bundle {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code *x}: run the process quoted by name {@code x}. */
  record Eval(Name name) implements Proc {
    public Eval {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A process variable {@code x}. */
  record Var(String name) implements Proc {
    public Var {
      Objects.requireNonNull(name, "name");
    }
  }

  /** The process wildcard {@code _} (patterns only). */
  record Wildcard() implements Proc {}

  /** {@code =x} or {@code =*x}: a reference to a bound variable inside a pattern. */
  record VarRef(VarRefKind kind, String name) implements Proc {
    public VarRef {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code true} or {@code false}. */
  record BoolLit(boolean value) implements Proc {}

  /** A 64-bit integer literal. */
  record IntLit(long value) implements Proc {}

  /** {@code BigInt(123)}. */
  record BigIntLit(BigInteger value) implements Proc {
    public BigIntLit {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A string literal; {@code value} holds the text with escapes resolved. */
  record StringLit(String value) implements Proc {
    public StringLit {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A URI literal {@code `rho:io:stdout`}; {@code value} holds the text between backquotes. */
  record UriLit(String value) implements Proc {
    public UriLit {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code [a, b ...rest]}. */
  record ListLit(List<Proc> elements, Optional<Proc> remainder) implements Proc {
    public ListLit {
      elements = List.copyOf(elements);
      Objects.requireNonNull(remainder, "remainder");
    }
  }

  /** {@code (a,)} or {@code (a, b, ...)}: at least one element. */
  record TupleLit(List<Proc> elements) implements Proc {
    public TupleLit {
      elements = List.copyOf(elements);
      if (elements.isEmpty()) {
        throw new IllegalArgumentException("a tuple needs at least one element");
      }
    }
  }

  /** {@code Set(a, b ...rest)}. */
  record SetLit(List<Proc> elements, Optional<Proc> remainder) implements Proc {
    public SetLit {
      elements = List.copyOf(elements);
      Objects.requireNonNull(remainder, "remainder");
    }
  }

  /** {@code {k: v, ... ...rest}}. */
  record MapLit(List<KeyValue> entries, Optional<Proc> remainder) implements Proc {
    public MapLit {
      entries = List.copyOf(entries);
      Objects.requireNonNull(remainder, "remainder");
    }
  }

  /** A simple type used as a pattern: {@code Bool}, {@code Int}, {@code String} ... */
  record SimpleType(SimpleTypeKind kind) implements Proc {
    public SimpleType {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A prefix operator: {@code not P}, {@code -P}, {@code ~P}. */
  record Unary(UnaryOp op, Proc operand) implements Proc {
    public Unary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** An infix operator, including pattern conjunction and disjunction. */
  record Binary(BinaryOp op, Proc left, Proc right) implements Proc {
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** {@code receiver.method(args)}. */
  record Method(Proc receiver, String method, List<Proc> args) implements Proc {
    public Method {
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(method, "method");
      args = List.copyOf(args);
    }
  }
}
