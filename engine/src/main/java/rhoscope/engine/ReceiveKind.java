package rhoscope.engine;

/** {@code <-} (and select), {@code <=} (and contract), {@code <<-}. */
public enum ReceiveKind {
  LINEAR,
  PERSISTENT,
  PEEK
}
