package rhoscope.engine;

/** How a channel is known: a public string or URI name, another quoted process, or private. */
public enum ChannelKind {
  /** {@code @"ERK"}. */
  STRING,
  /** {@code `rho:io:stdout`}. */
  URI,
  /** Any other {@code @P}. */
  QUOTE,
  /** A name from {@code new x}. */
  PRIVATE
}
