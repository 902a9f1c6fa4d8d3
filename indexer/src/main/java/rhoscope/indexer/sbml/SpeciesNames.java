package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import rhoscope.engine.check.CheckPlan;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.diag.Positions;

/**
 * Lets a type name a species of an imported model by its SBML name ({@code "ERK-PP"}) as well as by
 * its id ({@code "Mpp"}): every plain public name of the type (no {@code *} or {@code ?}) that is
 * not a species id but is the name of exactly one species is replaced by that species' id. An id
 * always wins over a name, so a type that works today keeps its meaning. Globs match ids only.
 *
 * <p>Checked against one model ({@link #strict}), a public name that is neither an id nor a unique
 * name is an error listing the close matches: on an imported model every public name is a species,
 * so such a name can never match and the check would only run until its bound. Across a database
 * ({@link #lenient}) each model answers for the species it has: a name that a model lacks, or that
 * names several of its species, is left as written and so matches nothing in that model.
 */
public final class SpeciesNames {
  /** How many close matches an error lists. */
  static final int SUGGESTED = 5;

  private final Pathway pathway;
  private final Set<String> ids = new LinkedHashSet<>();
  private final Map<String, List<String>> byName = new LinkedHashMap<>();

  private SpeciesNames(Pathway pathway) {
    this.pathway = pathway;
    for (Pathway.Species s : pathway.species()) {
      ids.add(s.id());
      if (!s.name().isEmpty()) {
        byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s.id());
      }
    }
  }

  /**
   * {@code plan} with species names resolved to ids; {@code plan} itself when it names species by
   * id only.
   *
   * @throws UnknownSpeciesException listing every public name of the type that is not a species of
   *     the model (with close matches) or that names several species (with their ids)
   */
  public static CheckPlan strict(Pathway pathway, CheckPlan plan) {
    SpeciesNames names = new SpeciesNames(pathway);
    List<String> problems = new ArrayList<>();
    Type resolved = names.resolve(plan.core(), problems);
    if (!problems.isEmpty()) {
      throw new UnknownSpeciesException(problems);
    }
    return rebuilt(plan, resolved);
  }

  /** {@code plan} with the names resolved that this model resolves; the others left as written. */
  public static CheckPlan lenient(Pathway pathway, CheckPlan plan) {
    return rebuilt(plan, new SpeciesNames(pathway).resolve(plan.core(), new ArrayList<>()));
  }

  /**
   * The plain public names of {@code core} (no glob characters), quoted types and payloads
   * included: the names that may be species names.
   */
  public static Set<String> plainNames(Type core) {
    Set<String> out = new LinkedHashSet<>();
    collect(core, out);
    return out;
  }

  private static void collect(Type type, Set<String> out) {
    for (NamePattern n : type.names()) {
      if (n instanceof NamePattern.StringName s && !isGlob(s.glob())) {
        out.add(s.glob());
      }
    }
    type.children().forEach(c -> collect(c, out));
  }

  private static boolean isGlob(String text) {
    return text.contains("*") || text.contains("?");
  }

  private static CheckPlan rebuilt(CheckPlan plan, Type resolved) {
    if (resolved.equals(plan.core())) {
      return plan;
    }
    String source = plan.parsed().map(ParsedType::sourceName).orElse("type");
    // The resolved core is its own expansion: it needs no definitions and has no positions of
    // its own, and the text stays the one the user wrote.
    return CheckPlan.compile(
        new ParsedType(
            source, plan.text(), List.of(), resolved, TypeLibrary.empty(), Positions.empty()));
  }

  private Type resolve(Type type, List<String> problems) {
    List<Type> children = new ArrayList<>();
    for (Type c : type.children()) {
      children.add(resolve(c, problems));
    }
    Type rebuilt = type.withChildren(children);
    List<NamePattern> names = new ArrayList<>();
    boolean changed = false;
    for (NamePattern n : rebuilt.names()) {
      NamePattern r = n instanceof NamePattern.StringName s ? resolve(s, problems) : n;
      changed |= r != n;
      names.add(r);
    }
    return changed ? rebuilt.withNames(names) : rebuilt;
  }

  private NamePattern resolve(NamePattern.StringName name, List<String> problems) {
    String text = name.glob();
    if (ids.contains(text) || isGlob(text)) {
      return name;
    }
    List<String> named = byName.getOrDefault(text, List.of());
    if (named.size() == 1) {
      return new NamePattern.StringName(named.get(0));
    }
    String problem =
        named.isEmpty()
            ? "\"" + text + "\" is not a species of " + pathway.model() + suggestions(text)
            : "\"" + text + "\" is the name of " + named.size() + " species of "
                + pathway.model() + " (" + String.join(", ", named)
                + "): name one of them by its id";
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
    return name;
  }

  /** {@code ": did you mean ...?"} with the closest ids and names, or {@code ""} when none is close. */
  private String suggestions(String text) {
    record Candidate(Pathway.Species species, String spelling, int distance) {}
    String lower = text.toLowerCase(Locale.ROOT);
    List<Candidate> close = new ArrayList<>();
    for (Pathway.Species s : pathway.species()) {
      Candidate best = null;
      for (String spelling : List.of(s.id(), s.name())) {
        if (spelling.isEmpty()) {
          continue;
        }
        int d = distance(lower, spelling.toLowerCase(Locale.ROOT));
        if (d <= threshold(text) && (best == null || d < best.distance())) {
          best = new Candidate(s, spelling, d);
        }
      }
      if (best != null) {
        close.add(best);
      }
    }
    if (close.isEmpty()) {
      return "";
    }
    close.sort(Comparator.comparingInt(Candidate::distance));
    List<String> listed = new ArrayList<>();
    for (Candidate c : close.subList(0, Math.min(SUGGESTED, close.size()))) {
      listed.add("\"" + c.spelling() + "\"" + (c.spelling().equals(c.species().id())
          ? describeName(c.species()) : " (id " + c.species().id() + ")"));
    }
    return ": did you mean " + String.join(", ", listed) + "?";
  }

  private static String describeName(Pathway.Species s) {
    return s.name().isEmpty() || s.name().equals(s.id()) ? "" : " (named \"" + s.name() + "\")";
  }

  /** Edits allowed for a close match: a third of the name, at least one, at most three. */
  private static int threshold(String text) {
    return Math.max(1, Math.min(3, text.length() / 3));
  }

  /** Levenshtein distance, case already folded by the caller. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
