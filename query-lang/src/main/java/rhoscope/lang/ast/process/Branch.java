package rhoscope.lang.ast.process;

import java.util.List;
import java.util.Objects;

/** One branch of a {@code select}: linear binds joined by {@code &}, then a body. */
public record Branch(List<Bind> binds, Proc body) {
  public Branch {
    binds = List.copyOf(binds);
    Objects.requireNonNull(body, "body");
  }
}
