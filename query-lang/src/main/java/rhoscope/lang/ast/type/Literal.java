package rhoscope.lang.ast.type;

import java.util.Objects;

/** A ground literal inside a payload pattern. */
public sealed interface Literal {

  /** A 64-bit integer. */
  record IntValue(long value) implements Literal {}

  /** A string, escapes resolved. */
  record StringValue(String value) implements Literal {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code true} or {@code false}. */
  record BoolValue(boolean value) implements Literal {}
}
