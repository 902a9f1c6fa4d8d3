package rhoscope.server.cli;

import java.util.List;
import java.util.stream.Collectors;
import rhoscope.server.wire.Witness;

/**
 * An SBML model's witness as a biologist reads it: {@code reaction r3 "MAPKK phosphorylation"},
 * {@code +KK_P (MAPKK-P), -KK (MAPKK)}, {@code present: KKK, KK_P (MAPKK-P), ...}. Presence under
 * boolean semantics reads as {@code +}/{@code -}; counts and levels as {@code before -> after}.
 */
final class PathwayText {
  private PathwayText() {}

  static String reaction(Witness.Step s) {
    Witness.Reaction r = s.reaction();
    if (r == null) {
      return "no reaction of the model explains this step (on " + s.channel().spelling() + ")";
    }
    String text =
        "reaction " + r.id() + (r.name() == null ? "" : " \"" + r.name() + "\"")
            + (r.reverse() ? " (reverse)" : "");
    return r.alternatives() == null
        ? text
        : text + " (or, with the same effect: " + String.join(", ", r.alternatives()) + ")";
  }

  static String changes(List<Witness.Change> changes) {
    if (changes.isEmpty()) {
      return "no species changed";
    }
    return changes.stream().map(PathwayText::change).collect(Collectors.joining(", "));
  }

  static String present(List<Witness.Amount> present) {
    if (present.isEmpty()) {
      return "no species present";
    }
    return "present: "
        + present.stream()
            .map(a -> species(a.species(), a.name()) + (a.amount() == 1 ? "" : " = " + a.amount()))
            .collect(Collectors.joining(", "));
  }

  private static String change(Witness.Change c) {
    String who = species(c.species(), c.name());
    boolean presence = c.before() <= 1 && c.after() <= 1;
    if (presence) {
      return (c.after() > c.before() ? "+" : "-") + who;
    }
    return who + " " + c.before() + " -> " + c.after();
  }

  private static String species(String id, String name) {
    return name == null || name.equals(id) ? id : id + " (" + name + ")";
  }
}
