package rhoscope.engine;

import java.util.List;
import java.util.Objects;
import rhoscope.lang.ast.process.Proc;

/** A receive, contract or select, with the channel of each of its binds in order. */
public record ReceiveView(ReceiveKind kind, List<ChannelView> channels, boolean contract, Proc proc)
    implements ThreadView {
  public ReceiveView {
    Objects.requireNonNull(kind, "kind");
    channels = List.copyOf(channels);
    Objects.requireNonNull(proc, "proc");
  }
}
