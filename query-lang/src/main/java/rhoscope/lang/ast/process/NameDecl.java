package rhoscope.lang.ast.process;

import java.util.Objects;
import java.util.Optional;

/** One declaration of a {@code new}: {@code x} or {@code x(`rho:uri`)}. */
public record NameDecl(String var, Optional<String> uri) {
  public NameDecl {
    Objects.requireNonNull(var, "var");
    Objects.requireNonNull(uri, "uri");
  }
}
