package rhoscope.lang.ast.process;

import java.util.Objects;

/** One case of a {@code match}: {@code pattern => body}. */
public record Case(Proc pattern, Proc body) {
  public Case {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(body, "body");
  }
}
