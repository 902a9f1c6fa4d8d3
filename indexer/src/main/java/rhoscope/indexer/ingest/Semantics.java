package rhoscope.indexer.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rhoscope.indexer.sbml.ImportOptions;

/**
 * The stored spelling of SBML import options: the semantics label, then any initial-value overrides
 * ({@code counts:3 E1=0 EGF=1}), so that a stored model can be translated again exactly as it was
 * indexed.
 */
public final class Semantics {
  private Semantics() {}

  public static String spell(ImportOptions options) {
    StringBuilder sb = new StringBuilder(options.semantics().label());
    for (Map.Entry<String, Integer> e : new TreeMap<>(options.overrides()).entrySet()) {
      sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  public static ImportOptions parse(String spelled) {
    List<String> parts = new ArrayList<>(Arrays.asList(spelled.trim().split(" +")));
    String semantics = parts.remove(0);
    return ImportOptions.parse(semantics, parts);
  }
}
