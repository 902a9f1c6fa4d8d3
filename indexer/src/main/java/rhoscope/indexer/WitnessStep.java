package rhoscope.indexer;

import java.util.Objects;

/** One COMM of a witness: the channel, the message(s) consumed, the receive that took them. */
public record WitnessStep(String channel, String message, String receiver) {
  public WitnessStep {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(receiver, "receiver");
  }
}
