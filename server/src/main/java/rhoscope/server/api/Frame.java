package rhoscope.server.api;

import java.util.Objects;

/**
 * One COMM step of a witness: on {@code channel}, the message {@code message} met the receiver
 * {@code receiver}, and {@code state} is the whole state after the step (pretty printed).
 */
public record Frame(int step, String channel, String message, String receiver, String state) {
  public Frame {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(state, "state");
  }
}
