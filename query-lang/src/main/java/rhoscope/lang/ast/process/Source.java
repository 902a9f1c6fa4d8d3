package rhoscope.lang.ast.process;

import java.util.List;
import java.util.Objects;

/** Where a bind receives from: a channel, or the Rholang 1.1 send/receive sugars. */
public sealed interface Source {

  /** {@code x}. */
  record Simple(Name channel) implements Source {
    public Simple {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** {@code x?!}: receive, then acknowledge on the received return channel. */
  record ReceiveSend(Name channel) implements Source {
    public ReceiveSend {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** {@code x!?(args)}: send args with a fresh return channel, then receive on it. */
  record SendReceive(Name channel, List<Proc> args) implements Source {
    public SendReceive {
      Objects.requireNonNull(channel, "channel");
      args = List.copyOf(args);
    }
  }

  /** The channel named by this source. */
  default Name channel() {
    return switch (this) {
      case Simple s -> s.channel();
      case ReceiveSend r -> r.channel();
      case SendReceive s -> s.channel();
    };
  }
}
