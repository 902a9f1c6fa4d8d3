package rhoscope.lang.ast.process;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One bind of a receipt: {@code pattern, ... ...@rest <- source}. */
public record Bind(List<Name> patterns, Optional<Proc> remainder, Source source) {
  public Bind {
    patterns = List.copyOf(patterns);
    Objects.requireNonNull(remainder, "remainder");
    Objects.requireNonNull(source, "source");
  }
}
