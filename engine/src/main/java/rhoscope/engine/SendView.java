package rhoscope.engine;

import java.util.List;
import java.util.Objects;
import rhoscope.lang.ast.process.Proc;

/**
 * {@code channel!(payload)} or, persistent, {@code channel!!(payload)}. The payload holds
 * ground values and quoted processes; a name sent as data reads back as {@code *name}.
 */
public record SendView(ChannelView channel, List<Proc> payload, boolean persistent, Proc proc)
    implements ThreadView {
  public SendView {
    Objects.requireNonNull(channel, "channel");
    payload = List.copyOf(payload);
    Objects.requireNonNull(proc, "proc");
  }
}
