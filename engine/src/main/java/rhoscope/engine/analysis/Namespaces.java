package rhoscope.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Namespaces of a public name or URI: its proper prefixes at {@code :}, {@code /} and {@code .}.
 */
public final class Namespaces {
  private Namespaces() {}

  /** {@code rho:registry:lookup} gives {@code rho}, {@code rho:registry}. */
  public static List<String> prefixes(String name) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < name.length() - 1; i++) {
      char c = name.charAt(i);
      if ((c == ':' || c == '/' || c == '.') && name.charAt(i - 1) != c) {
        out.add(name.substring(0, i));
      }
    }
    return out;
  }
}
