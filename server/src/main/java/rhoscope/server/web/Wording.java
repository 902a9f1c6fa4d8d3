package rhoscope.server.web;

import java.util.Optional;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.print.TypePrinter;
import rhoscope.server.web.Reading.Phrase;
import rhoscope.server.web.Reading.Tone;

/**
 * Words a type's verdicts from the type's shape, so that a hit on {@code not deadlock_free} reads
 * "can deadlock" and a miss "cannot deadlock": leading {@code not}s are pushed inwards (through
 * {@code always}, {@code eventually}, {@code and}, {@code or}) before anything is said, so no
 * phrase carries a double negative, and named types are read through their definitions. A type of
 * no shape the page knows is worded as "has the type T".
 */
final class Wording {
  private Wording() {}

  static Reading of(ParsedType parsed) {
    Type core = parsed.core();
    String written = TypePrinter.print(parsed.type());
    Phrase yes =
        phrase(core, true).orElse(new Phrase("has the type " + written, Tone.NEUTRAL));
    Phrase no =
        phrase(core, false).orElse(new Phrase("does not have the type " + written, Tone.NEUTRAL));
    return new Reading(yes, no, new Phrase("undecided whether it " + yes.text(), Tone.UNKNOWN));
  }

  /** What a process does when {@code t} {@code holds} (or does not) of it, if the shape is known. */
  private static Optional<Phrase> phrase(Type t, boolean holds) {
    if (t instanceof Type.Not n) {
      return phrase(n.operand(), !holds);
    }
    if (t instanceof Type.And a) {
      return both(phrase(a.left(), holds), phrase(a.right(), holds), holds ? " and " : " or ");
    }
    if (t instanceof Type.Or o) {
      return both(phrase(o.left(), holds), phrase(o.right(), holds), holds ? " or " : " and ");
    }
    if (t instanceof Type.Sugared s) {
      return switch (s.sugar()) {
        case Type.Eventually e -> Optional.of(reach(activity(e.operand()), holds));
        case Type.Always a -> Optional.of(always(a.operand(), holds));
        case Type.Inevitably i -> Optional.of(inevitably(activity(i.operand()), holds));
        // Of the initial state alone: said as the type itself.
        case Type.Contains c -> Optional.empty();
        case Type.Implies i -> Optional.empty();
        case Type.Deadlock d -> Optional.empty();
        case Type.Terminated x -> Optional.empty();
        case Type.Call c -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private static Optional<Phrase> both(Optional<Phrase> left, Optional<Phrase> right, String joint) {
    return left.flatMap(
        l -> right.map(r -> new Phrase(l.text() + joint + r.text(), l.tone().with(r.tone()))));
  }

  private static Phrase reach(Activity a, boolean holds) {
    return holds
        ? new Phrase("can " + a.verb(), a.tone())
        : new Phrase("cannot " + a.verb(), a.tone().opposite());
  }

  /** {@code always not P} is "cannot P": said as the reachability it is. */
  private static Phrase always(Type body, boolean holds) {
    if (body instanceof Type.Not n) {
      return reach(activity(n.operand()), !holds);
    }
    Activity a = activity(body);
    return holds
        ? new Phrase("every reachable state " + a.every(), a.tone())
        : new Phrase("can reach a state that " + a.failing(), a.tone().opposite());
  }

  private static Phrase inevitably(Activity a, boolean holds) {
    return holds
        ? new Phrase(thirdPerson(a.verb()) + " on every run", a.tone())
        : new Phrase("may never " + a.verb(), a.tone().opposite());
  }

  /**
   * What a state of type {@code p} is, three ways: after "can" ({@code verb}), after "every
   * reachable state" ({@code every}) and after "a state that" when it fails ({@code failing}).
   */
  private record Activity(String verb, String every, String failing, Tone tone) {}

  private static Activity activity(Type p) {
    if (p instanceof Type.Sugared s) {
      return switch (s.sugar()) {
        case Type.Deadlock d ->
            new Activity("deadlock", "is a deadlock", "is not a deadlock", Tone.WARNING);
        case Type.Terminated x ->
            new Activity("terminate", "has terminated", "has not terminated", Tone.GOOD);
        case Type.Contains c -> {
          String held = TypePrinter.printAsWritten(c.operand());
          yield new Activity("hold " + held, "holds " + held, "does not hold " + held, Tone.NEUTRAL);
        }
        case Type.Eventually e -> generic(p);
        case Type.Always a -> generic(p);
        case Type.Inevitably i -> generic(p);
        case Type.Implies i -> generic(p);
        case Type.Call c -> generic(p);
      };
    }
    if (p instanceof Type.Race r) {
      String on = " on " + TypePrinter.print(r.channel());
      return r.takes()
          ? new Activity("race for a value" + on, "has a race for a value" + on,
              "has no race for a value" + on, Tone.WARNING)
          : new Activity("race" + on, "has a race" + on, "has no race" + on, Tone.WARNING);
    }
    if (p instanceof Type.Diamond d && d.body() instanceof Type.True) {
      String step = d.label().map(n -> "communicate on " + TypePrinter.print(n)).orElse("take a step");
      return new Activity(step, "can " + step, "cannot " + step, Tone.NEUTRAL);
    }
    return generic(p);
  }

  private static Activity generic(Type p) {
    String t = TypePrinter.printAsWritten(p);
    return new Activity(
        "reach a state where " + t + " holds", "satisfies " + t, "does not satisfy " + t,
        Tone.NEUTRAL);
  }

  /** "terminate" to "terminates", "reach ..." to "reaches ...": the first word conjugated. */
  static String thirdPerson(String verb) {
    int space = verb.indexOf(' ');
    String word = space < 0 ? verb : verb.substring(0, space);
    String rest = space < 0 ? "" : verb.substring(space);
    if (word.matches(".*(s|x|z|ch|sh)")) {
      return word + "es" + rest;
    }
    if (word.matches(".*[^aeiou]y")) {
      return word.substring(0, word.length() - 1) + "ies" + rest;
    }
    return word + "s" + rest;
  }
}
