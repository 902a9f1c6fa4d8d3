package rhoscope.lang.ast.type;

import java.util.Objects;

/** What one argument of a send must look like. */
public sealed interface PayloadPattern {

  /** {@code _}: any argument. */
  record AnyPayload() implements PayloadPattern {}

  /** A ground literal the argument must equal. */
  record Equal(Literal value) implements PayloadPattern {
    public Equal {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A comparison with a literal, {@code < 0} or {@code != "done"}. Ordering comparisons need an
   * integer or a string literal and hold only for an argument of the same kind.
   */
  record Compare(Comparison op, Literal value) implements PayloadPattern {
    public Compare {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A process type the argument (a process) must have. */
  record Typed(Type type) implements PayloadPattern {
    public Typed {
      Objects.requireNonNull(type, "type");
    }
  }
}
