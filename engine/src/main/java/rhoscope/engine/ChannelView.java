package rhoscope.engine;

import java.util.Objects;
import java.util.Optional;
import rhoscope.engine.core.Readback;
import rhoscope.engine.core.Term;
import rhoscope.engine.core.Terms;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.print.ProcessPrinter;

/**
 * A channel as the checker sees it. {@code label}: the string of {@code @"ERK"}, the URI
 * text, the printed process of another quote, or the identifier a private name was declared
 * with. {@code identity}: equal for the same channel within one state. {@code quoted}: the
 * process a public name quotes.
 */
public record ChannelView(ChannelKind kind, String label, long identity, Optional<Proc> quoted) {
  public ChannelView {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(quoted, "quoted");
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

  /** {@code true} for a private name. */
  public boolean isPrivate() {
    return kind == ChannelKind.PRIVATE;
  }
}
