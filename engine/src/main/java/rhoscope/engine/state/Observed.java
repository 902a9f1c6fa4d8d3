package rhoscope.engine.state;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which identifiers of private names something observes, so that they are part of a state's
 * identity. A {@code new x} name is otherwise known only by where it occurs: renaming it to a
 * name of another {@code new}, consistently, gives the same state ({@link Canon#identity}). A
 * type that names a private identifier observes it, the most-general client's {@code caller}
 * waits count as deadlocks by their identifier, and the registry files an inserted name under
 * its identifier (a string anyone can read), so those must stay apart.
 */
public sealed interface Observed {
  /** Nothing reads an identifier: every private name is known by its place only. */
  Observed NONE = new Only(Set.of());
  /** Every identifier is part of identity: the exact state, names numbered within each. */
  Observed EVERY = new Every();

  boolean observes(String identifier);

  /** What this and {@code other} observe together. */
  Observed and(Observed other);

  static Observed only(Set<String> identifiers) {
    return new Only(identifiers);
  }

  record Every() implements Observed {
    @Override
    public boolean observes(String identifier) {
      return true;
    }

    @Override
    public Observed and(Observed other) {
      return this;
    }
  }

  record Only(Set<String> identifiers) implements Observed {
    public Only {
      identifiers = Set.copyOf(Objects.requireNonNull(identifiers, "identifiers"));
    }

    @Override
    public boolean observes(String identifier) {
      return identifiers.contains(identifier);
    }

    @Override
    public Observed and(Observed other) {
      return switch (other) {
        case Every e -> e;
        case Only o -> {
          Set<String> both = new HashSet<>(identifiers);
          both.addAll(o.identifiers());
          yield new Only(both);
        }
      };
    }
  }
}
