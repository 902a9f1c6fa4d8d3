package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import rhoscope.engine.analysis.StaticAnalysis;
import rhoscope.engine.analysis.StaticFeatures;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.PayloadPattern;
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
      String label;
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
        default -> {
          continue;
        }
      }
      label = quote + glob + quote;
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

  private static String listing(SortedSet<String> literals) {
    if (literals.isEmpty()) {
      return "it uses no public names";
    }
    String names = literals.stream().limit(LISTED).collect(Collectors.joining(", "));
    return "its public names: " + names + (literals.size() > LISTED ? ", ..." : "");
  }

  private static void collect(Type type, Set<NamePattern> out) {
    switch (type) {
      case Type.Nil n -> {}
      case Type.True t -> {}
      case Type.False f -> {}
      case Type.Var v -> {}
      case Type.Deadlock d -> {}
      case Type.Terminated t -> {}
      case Type.Par p -> {
        collect(p.left(), out);
        collect(p.right(), out);
      }
      case Type.And a -> {
        collect(a.left(), out);
        collect(a.right(), out);
      }
      case Type.Or o -> {
        collect(o.left(), out);
        collect(o.right(), out);
      }
      case Type.Implies i -> {
        collect(i.left(), out);
        collect(i.right(), out);
      }
      case Type.Not n -> collect(n.operand(), out);
      case Type.Contains c -> collect(c.operand(), out);
      case Type.Eventually e -> collect(e.operand(), out);
      case Type.Always a -> collect(a.operand(), out);
      case Type.Inevitably i -> collect(i.operand(), out);
      case Type.Mu m -> collect(m.body(), out);
      case Type.Nu n -> collect(n.body(), out);
      case Type.Diamond d -> {
        d.label().ifPresent(l -> collect(l, out));
        collect(d.body(), out);
      }
      case Type.Box b -> {
        b.label().ifPresent(l -> collect(l, out));
        collect(b.body(), out);
      }
      case Type.Send s -> {
        collect(s.channel(), out);
        for (PayloadPattern arg : s.args()) {
          if (arg instanceof PayloadPattern.Typed t) {
            collect(t.type(), out);
          }
        }
      }
      case Type.Receive r -> {
        collect(r.channel(), out);
        collect(r.body(), out);
      }
      case Type.Contract c -> collect(c.channel(), out);
      case Type.Eval e -> collect(e.name(), out);
      case Type.Race r -> collect(r.channel(), out);
      case Type.Call c -> c.args().forEach(a -> collect(a, out));
    }
  }

  private static void collect(NamePattern pattern, Set<NamePattern> out) {
    if (pattern instanceof NamePattern.QuoteName q) {
      collect(q.type(), out);
    } else {
      out.add(pattern);
    }
  }
}
