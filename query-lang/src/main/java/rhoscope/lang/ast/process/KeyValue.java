package rhoscope.lang.ast.process;

import java.util.Objects;

/** One entry {@code key: value} of a map literal. */
public record KeyValue(Proc key, Proc value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
