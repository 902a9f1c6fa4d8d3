package rhoscope.engine.analysis;

import java.util.Objects;

/** A channel as the source names it: its kind and a label unique for that kind and text. */
public record Channel(ChannelKind kind, String label) implements Comparable<Channel> {
  public Channel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
  }

  static Channel of(ChannelKind kind, String text) {
    return new Channel(kind, kind.label(text));
  }

  @Override
  public int compareTo(Channel other) {
    int c = label.compareTo(other.label);
    return c != 0 ? c : kind.compareTo(other.kind);
  }
}
