package rhoscope.indexer.features;

import rhoscope.engine.ChannelView;

/**
 * Channel labels as the index stores them: written as the type language writes a name pattern that
 * matches the channel ({@code "ERK"}, {@code `rho:io:stdout`}, {@code balance}), so that a planner
 * can look a type's name up verbatim. Static analysis labels channels the same way.
 */
public final class Labels {
  private Labels() {}

  public static String of(ChannelView c) {
    return switch (c.kind()) {
      case STRING -> "\"" + c.label() + "\"";
      case URI -> "`" + c.label() + "`";
      case PRIVATE -> c.label();
      case QUOTE -> "@" + c.label();
    };
  }
}
