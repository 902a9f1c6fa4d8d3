package rhoscope.engine;

import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.state.Readback;
import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.print.ProcessPrinter;

/**
 * A channel as the checker sees it. {@code label}: the string of {@code @"ERK"}, the URI text,
 * the printed process of another quote, or the identifier a private name was declared with.
 * {@code identity}: equal for the same channel within one state. A channel is known by these
 * three; {@link #quoted} is what the checker matches quote patterns against, a side field kept
 * out of equality because a view decoded from a stored trace knows it only for literals.
 */
public final class ChannelView {
  private final ChannelKind kind;
  private final String label;
  private final long identity;
  private final Optional<Proc> quoted;

  private ChannelView(ChannelKind kind, String label, long identity, Optional<Proc> quoted) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.label = Objects.requireNonNull(label, "label");
    this.identity = identity;
    this.quoted = Objects.requireNonNull(quoted, "quoted");
  }

  /**
   * A channel known by its kind, label and identity alone (as a stored trace keeps it): the quoted
   * process is the literal for a string or URI channel, and unknown for any other quote.
   */
  public static ChannelView of(ChannelKind kind, String label, long identity) {
    Optional<Proc> quoted = switch (kind) {
      case STRING -> Optional.of(new Proc.StringLit(label));
      case URI -> Optional.of(new Proc.UriLit(label));
      case PRIVATE, QUOTE -> Optional.empty();
    };
    return new ChannelView(kind, label, identity, quoted);
  }

  static ChannelView of(Term name) {
    long id = Terms.hash(name);
    return switch (name) {
      case Term.Priv p -> new ChannelView(ChannelKind.PRIVATE, p.ident(), id, Optional.empty());
      case Term.Quote q -> {
        Proc proc = Readback.proc(q.proc());
        yield switch (q.proc()) {
          case Term.StrV s -> new ChannelView(ChannelKind.STRING, s.value(), id, Optional.of(proc));
          case Term.UriV u -> new ChannelView(ChannelKind.URI, u.value(), id, Optional.of(proc));
          default -> new ChannelView(ChannelKind.QUOTE, ProcessPrinter.print(proc), id,
              Optional.of(proc));
        };
      }
      default -> new ChannelView(ChannelKind.QUOTE, ProcessPrinter.print(Readback.name(name)), id,
          Optional.empty());
    };
  }

  public ChannelKind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  public long identity() {
    return identity;
  }

  /** The process a public name quotes, where known. */
  public Optional<Proc> quoted() {
    return quoted;
  }

  /** {@code true} for a private name. */
  public boolean isPrivate() {
    return kind == ChannelKind.PRIVATE;
  }

  /**
   * The channel written as the type language writes a name pattern that matches it
   * ({@code "ERK"}, {@code `rho:io:stdout`}, {@code balance}, {@code @Nil}): the one spelling
   * the index, the CLI, the HTTP API and the page use.
   */
  public String spelling() {
    return switch (kind) {
      case STRING -> '"' + label + '"';
      case URI -> '`' + label + '`';
      case PRIVATE -> label;
      case QUOTE -> '@' + label;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelView c
        && c.kind == kind && c.label.equals(label) && c.identity == identity;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, label, identity);
  }

  @Override
  public String toString() {
    return spelling();
  }
}
