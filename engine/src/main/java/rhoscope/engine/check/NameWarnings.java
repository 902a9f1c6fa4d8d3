package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import rhoscope.engine.analysis.StaticAnalysis;
import rhoscope.engine.analysis.StaticFeatures;
import rhoscope.engine.reduce.SystemProcesses;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;

/**
 * Warns about public names and URIs that a type mentions but a process can never use: a
 * misspelled name otherwise gets a confident but meaningless verdict.
 */
public final class NameWarnings {
  /** How many of the process's public names a warning lists. */
  static final int LISTED = 10;

  private NameWarnings() {}

  /**
   * One warning for each string-name or URI pattern of {@code type} (its core, payloads and quoted
   * types included) that matches none of the string and URI literals of {@code process}; none at
   * all when the process computes strings, since then any name could exist at run time.
   */
  public static List<String> of(ParsedType type, Proc process) {
    StaticFeatures features = StaticAnalysis.of(process);
    if (features.computesStrings()) {
      return List.of();
    }
    Set<NamePattern> patterns = new LinkedHashSet<>();
    collect(type.core(), patterns);
    SortedSet<String> literals = features.literals();
    List<String> warnings = new ArrayList<>();
    for (NamePattern p : patterns) {
      String glob;
      char quote;
      switch (p) {
        case NamePattern.StringName s -> {
          glob = s.glob();
          quote = '"';
        }
        case NamePattern.UriName u -> {
          glob = u.glob();
          quote = '`';
        }
        // Only public names are compared with the process's literals.
        case NamePattern.PrivateName n -> {
          continue;
        }
        case NamePattern.AnyName n -> {
          continue;
        }
        case NamePattern.QuoteName n -> {
          continue;
        }
      }
      String label = quote + glob + quote;
      boolean used =
          literals.stream()
              .anyMatch(
                  l ->
                      l.length() >= 2
                          && l.charAt(0) == quote
                          && l.charAt(l.length() - 1) == quote
                          && Names.glob(glob, l.substring(1, l.length() - 1)));
      if (!used) {
        warnings.add(
            "the type mentions " + label + ", which this process never uses (" + listing(literals) + ")");
      }
    }
    return List.copyOf(warnings);
  }

  /**
   * One warning for each RChain system URI {@code process} names that rhoscope does not model
   * (or models only in part, as insertSigned), saying what its callers wait for.
   */
  public static List<String> systemNames(Proc process) {
    Set<String> uris = new LinkedHashSet<>();
    for (String l : StaticAnalysis.of(process).literals()) {
      if (l.length() >= 2 && l.charAt(0) == '`' && l.charAt(l.length() - 1) == '`') {
        uris.add(l.substring(1, l.length() - 1));
      }
    }
    return SystemProcesses.warnings(uris);
  }

  private static String listing(SortedSet<String> literals) {
    if (literals.isEmpty()) {
      return "it uses no public names";
    }
    String names = literals.stream().limit(LISTED).collect(Collectors.joining(", "));
    return "its public names: " + names + (literals.size() > LISTED ? ", ..." : "");
  }

  /** Every name pattern but the quoting ones, whose types are walked as children instead. */
  private static void collect(Type type, Set<NamePattern> out) {
    for (NamePattern n : type.names()) {
      if (!(n instanceof NamePattern.QuoteName)) {
        out.add(n);
      }
    }
    for (Type child : type.children()) {
      collect(child, out);
    }
  }
}
