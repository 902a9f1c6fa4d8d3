package rhoscope.lang.ast.type;

import java.util.Objects;

/** Which channel names a type talks about. */
public sealed interface NamePattern {

  /**
   * A public name {@code @"text"}; {@code *} in the pattern matches any run of characters and
   * {@code ?} any one character, so {@code "bank/*"} is a glob.
   */
  record StringName(String glob) implements NamePattern {
    public StringName {
      Objects.requireNonNull(glob, "glob");
    }
  }

  /** A URI name {@code `rho:id:...`}, with the same glob characters as {@link StringName}. */
  record UriName(String glob) implements NamePattern {
    public UriName {
      Objects.requireNonNull(glob, "glob");
    }
  }

  /** Any private name that the source declared with this identifier ({@code new balance}). */
  record PrivateName(String identifier) implements NamePattern {
    public PrivateName {
      Objects.requireNonNull(identifier, "identifier");
    }
  }

  /** {@code @T}: a name that quotes a process of type T. */
  record QuoteName(Type type) implements NamePattern {
    public QuoteName {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code _}: any name. */
  record AnyName() implements NamePattern {}
}
