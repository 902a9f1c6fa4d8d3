package rhoscope.indexer.sbml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to import one SBML model: the semantics, and initial values that replace the model's own (a
 * knock-out {@code E1=0}, a stimulus {@code EGF=1}). Override values are in the semantics' units:
 * presence (0 absent, anything else present) for boolean, a count in {@code 0..K} for counts, a
 * level for qual.
 */
public record ImportOptions(Semantics semantics, Map<String, Integer> overrides) {
  public ImportOptions {
    Objects.requireNonNull(semantics, "semantics");
    overrides = Map.copyOf(overrides);
    overrides.forEach(
        (id, v) -> {
          if (v < 0) {
            throw new IllegalArgumentException("initial value of " + id + " must be >= 0: " + v);
          }
        });
  }

  /** Boolean semantics, the model's own initial values. */
  public static ImportOptions defaults() {
    return new ImportOptions(new Semantics.Boolean(), Map.of());
  }

  /** The given semantics, the model's own initial values. */
  public static ImportOptions of(Semantics semantics) {
    return new ImportOptions(semantics, Map.of());
  }

  /**
   * Builds options from CLI strings: a semantics spelling ({@code boolean}, {@code counts:K},
   * {@code qual}) and {@code --set} assignments such as {@code E1=0}.
   *
   * @throws IllegalArgumentException on a malformed spelling or assignment
   */
  public static ImportOptions parse(String semantics, List<String> assignments) {
    Map<String, Integer> overrides = new LinkedHashMap<>();
    for (String a : assignments) {
      int eq = a.indexOf('=');
      if (eq <= 0 || eq == a.length() - 1) {
        throw new IllegalArgumentException("expected SPECIES=VALUE, got '" + a + "'");
      }
      String id = a.substring(0, eq).trim();
      String value = a.substring(eq + 1).trim();
      try {
        overrides.put(id, Integer.parseInt(value));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected an integer value in '" + a + "', got '" + value + "'", e);
      }
    }
    return new ImportOptions(Semantics.parse(semantics), overrides);
  }
}
