package rhoscope.lang.ast.process;

import java.util.Objects;

/** A channel name: a name variable, the wildcard, or a quoted process {@code @P}. */
public sealed interface Name {

  /** A name variable {@code x}. */
  record NameVar(String name) implements Name {
    public NameVar {
      Objects.requireNonNull(name, "name");
    }
  }

  /** The name wildcard {@code _}. */
  record NameWildcard() implements Name {}

  /** {@code @P}: the name that quotes process {@code P} (for example {@code @"ERK"}). */
  record Quote(Proc proc) implements Name {
    public Quote {
      Objects.requireNonNull(proc, "proc");
    }
  }
}
