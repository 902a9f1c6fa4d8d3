package rhoscope.indexer.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A condition on a process's indexed features. Built only through {@link #and} and {@link #or},
 * which keep it simplified (flat, no duplicates, constants absorbed), so that equal meanings
 * reached by the planner's fixpoint iteration compare equal.
 */
public sealed interface Condition {

  /** Every process. */
  record Always() implements Condition {}

  /** No process. */
  record Never() implements Condition {}

  /** The field holds exactly this value. */
  record Term(String field, String value) implements Condition {
    public Term {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The field does not hold this value. Only for facts whose absence is the safe default: a
   * document indexed before the field existed lacks the value, so the condition keeps it.
   */
  record Lacks(String field, String value) implements Condition {
    public Lacks {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Some value of the field matches a Lucene wildcard pattern ({@code *}, {@code ?}). */
  record Wildcard(String field, String pattern) implements Condition {
    public Wildcard {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /** Every part holds. */
  record All(List<Condition> parts) implements Condition {
    public All {
      parts = List.copyOf(parts);
    }
  }

  /** Some part holds. */
  record Any(List<Condition> parts) implements Condition {
    public Any {
      parts = List.copyOf(parts);
    }
  }

  Condition ALWAYS = new Always();
  Condition NEVER = new Never();

  static Condition and(Condition... parts) {
    Set<Condition> flat = new LinkedHashSet<>();
    for (Condition c : parts) {
      switch (c) {
        case Never n -> {
          return NEVER;
        }
        case Always a -> {}
        case All all -> flat.addAll(all.parts());
        case Any any -> flat.add(any);
        case Term t -> flat.add(t);
        case Lacks l -> flat.add(l);
        case Wildcard w -> flat.add(w);
      }
    }
    return switch (flat.size()) {
      case 0 -> ALWAYS;
      case 1 -> flat.iterator().next();
      default -> new All(new ArrayList<>(flat));
    };
  }

  static Condition or(Condition... parts) {
    Set<Condition> flat = new LinkedHashSet<>();
    for (Condition c : parts) {
      switch (c) {
        case Always a -> {
          return ALWAYS;
        }
        case Never n -> {}
        case Any any -> flat.addAll(any.parts());
        case All all -> flat.add(all);
        case Term t -> flat.add(t);
        case Lacks l -> flat.add(l);
        case Wildcard w -> flat.add(w);
      }
    }
    return switch (flat.size()) {
      case 0 -> NEVER;
      case 1 -> flat.iterator().next();
      default -> new Any(new ArrayList<>(flat));
    };
  }

  /** A readable form for plans shown to users ({@code --explain}, the HTTP API). */
  default String describe() {
    return switch (this) {
      case Always a -> "all";
      case Never n -> "none";
      case Term t -> t.field() + ":" + t.value();
      case Lacks l -> "NOT " + l.field() + ":" + l.value();
      case Wildcard w -> w.field() + ":~" + w.pattern();
      case All all ->
          all.parts().stream()
              .map(Condition::describe)
              .collect(Collectors.joining(" AND ", "(", ")"));
      case Any any ->
          any.parts().stream()
              .map(Condition::describe)
              .collect(Collectors.joining(" OR ", "(", ")"));
    };
  }
}
