package rhoscope.engine.analysis;

/** Where a channel name comes from, as far as the source text shows. */
public enum ChannelKind {
  /** {@code @"ERK"}: a public string name, labelled {@code "ERK"} (quotes included). */
  PUBLIC,
  /** {@code `rho:io:stdout`} or a {@code new x(`rho:...`)} binding, labelled with backquotes. */
  URI,
  /** A name declared by {@code new x}, labelled by its source identifier {@code x}. */
  PRIVATE,
  /** A variable bound by a receive, contract formal, match or let, labelled {@code ?x}. */
  BOUND,
  /** A name variable that nothing in the process binds, labelled by its identifier. */
  FREE,
  /** A quoted process other than a string or URI literal, labelled {@code @...}. */
  QUOTED;

  /**
   * The label of a channel of this kind; public names and URIs are written as the type language
   * writes them, so a planner can look a type's name pattern up verbatim.
   */
  String label(String text) {
    return switch (this) {
      case PUBLIC -> "\"" + text + "\"";
      case URI -> "`" + text + "`";
      case PRIVATE, FREE -> text;
      case BOUND -> "?" + text;
      case QUOTED -> "@" + text;
    };
  }
}
