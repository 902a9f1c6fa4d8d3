package rhoscope.engine;

import rhoscope.lang.parse.ProcessParser;

/** Test helper: programs from Rholang source. */
public final class Programs {
  private Programs() {}

  public static Program load(String source) {
    return Engine.load(ProcessParser.parse("test.rho", source));
  }

  /**
   * N dining philosophers around N forks: one contract, each call takes the left fork,
   * then the right one, puts both back and calls itself again.
   */
  public static String philosophers(int n) {
    StringBuilder sb = new StringBuilder("new phil");
    for (int i = 0; i < n; i++) {
      sb.append(", f").append(i);
    }
    sb.append(" in {\n  contract phil(left, right) = {\n")
        .append("    for (_ <- left) { for (_ <- right) {\n")
        .append("      left!(Nil) | right!(Nil) | phil!(left, right) } }\n  }");
    for (int i = 0; i < n; i++) {
      sb.append("\n  | f").append(i).append("!(Nil)");
    }
    for (int i = 0; i < n; i++) {
      sb.append("\n  | phil!(f").append(i).append(", f").append((i + 1) % n).append(")");
    }
    return sb.append("\n}").toString();
  }
}
