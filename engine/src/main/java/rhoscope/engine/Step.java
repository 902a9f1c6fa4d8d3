package rhoscope.engine;

import java.util.Objects;

/**
 * One COMM of a witness: the channel (of the first bind), the message(s) consumed, printed
 * ({@code a & b} for a join), and the receiving thread, printed.
 */
public record Step(ChannelView channel, String message, String receiver) {
  public Step {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(receiver, "receiver");
  }

  @Override
  public String toString() {
    return message + "  ->  " + receiver;
  }
}
