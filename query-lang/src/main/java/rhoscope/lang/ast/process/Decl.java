package rhoscope.lang.ast.process;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One declaration of a {@code let}: {@code names ...@rest <- values}. */
public record Decl(List<Name> names, Optional<Proc> remainder, List<Proc> values) {
  public Decl {
    names = List.copyOf(names);
    Objects.requireNonNull(remainder, "remainder");
    values = List.copyOf(values);
  }
}
