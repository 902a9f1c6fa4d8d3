package rhoscope.engine.analysis;

import java.util.Objects;

/**
 * An edge of the channel dependency graph: a receive on {@code from} guards a send on {@code to}.
 */
public record Dependency(String from, String to) implements Comparable<Dependency> {
  public Dependency {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public int compareTo(Dependency o) {
    int c = from.compareTo(o.from);
    return c != 0 ? c : to.compareTo(o.to);
  }
}
