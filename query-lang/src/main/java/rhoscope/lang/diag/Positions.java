package rhoscope.lang.diag;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Source positions of AST nodes, kept beside the tree (by node identity) so that node
 * equality stays structural. Written once by a parser, read-only afterwards.
 */
public final class Positions {
  private static final Positions EMPTY = new Positions(new IdentityHashMap<>());

  private final Map<Object, SourceSpan> spans;

  private Positions(Map<Object, SourceSpan> spans) {
    this.spans = spans;
  }

  public static Positions empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<SourceSpan> of(Object node) {
    return Optional.ofNullable(spans.get(node));
  }

  /** Collects spans while a tree is built. */
  public static final class Builder {
    private final Map<Object, SourceSpan> spans = new IdentityHashMap<>();

    public <T> T put(T node, SourceSpan span) {
      spans.put(node, span);
      return node;
    }

    public Positions build() {
      return new Positions(new IdentityHashMap<>(spans));
    }
  }
}
