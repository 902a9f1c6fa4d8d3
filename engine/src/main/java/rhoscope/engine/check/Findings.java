package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rhoscope.engine.ChannelKind;
import rhoscope.engine.ChannelView;
import rhoscope.engine.ReceiveKind;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.ThreadView;
import rhoscope.engine.Transition;
import rhoscope.engine.open.MostGeneralClient;
import rhoscope.engine.reduce.SystemProcesses;
import rhoscope.lang.ast.type.NamePattern;

/**
 * What an auditor reads off the state a witness ends in: for a deadlock, each receive that waits
 * (in an open program, each caller waiting for its answer) and the channel it waits on, on which
 * nobody sends, or no message matches; for each race, the two competing threads, what they
 * compete for and on which channel, and whether the winner takes a message (the order changes a
 * value) or not (peeks reading one message). In an open program the client's own choice of its
 * next call is no race.
 */
public final class Findings {
  private Findings() {}

  public static List<String> of(StateView state) {
    List<String> out = new ArrayList<>();
    if (state.isDeadlocked()) {
      deadlock(state, out);
    }
    boolean open = state.program().open().isOpen();
    List<Transition> steps = state.program().successors(state);
    for (Races.Competition c : Races.all(new NamePattern.AnyName(), state,
        steps.stream().map(Transition::comm).toList())) {
      if (!(open && isClientChannel(c.channel()))) {
        out.add(race(c));
      }
    }
    return List.copyOf(out);
  }

  private static void deadlock(StateView state, List<String> out) {
    boolean open = state.program().open().isOpen();
    Set<Long> sentOn = new HashSet<>();
    for (ThreadView t : state.threads()) {
      if (t instanceof SendView s) {
        sentOn.add(s.channel().identity());
      }
    }
    Set<String> said = new HashSet<>();
    for (ThreadView t : state.threads()) {
      if (!(t instanceof ReceiveView r) || r.kind() == ReceiveKind.PERSISTENT
          || (open && !isCallerWait(r))) {
        continue;
      }
      for (ChannelView ch : r.channels()) {
        String why = sentOn.contains(ch.identity())
            ? ", where no message matches it"
            : ", on which nobody sends";
        String line = "deadlock: " + oneLine(r.print()) + " waits on " + ch.spelling() + why;
        if (said.add(line)) {
          out.add(line);
        }
      }
    }
  }

  private static boolean isCallerWait(ReceiveView r) {
    return r.kind() == ReceiveKind.LINEAR && r.channels().size() == 1
        && r.channels().get(0).kind() == ChannelKind.PRIVATE
        && r.channels().get(0).label().equals(MostGeneralClient.RETURN);
  }

  /**
   * The client's own bookkeeping: its call tokens, which its candidate calls all compete for,
   * and the registry's directory, where they find registered contracts. A race there is the
   * client choosing its next call, not something in the library a caller could exploit.
   */
  private static boolean isClientChannel(ChannelView ch) {
    return ch.kind() == ChannelKind.PRIVATE && ch.label().equals(MostGeneralClient.BUDGET)
        || ch.spelling().contains(SystemProcesses.DIRECTORY);
  }

  private static String race(Races.Competition c) {
    String what = c.sendsCompete()
        ? "the messages " + oneLine(c.first()) + " and " + oneLine(c.second())
            + " compete for " + oneLine(c.contested())
        : "the receives " + oneLine(c.first()) + " and " + oneLine(c.second())
            + " compete for " + oneLine(c.contested());
    if (c.first().equals(c.second())) {
      what = (c.sendsCompete() ? "two copies of the message " : "two copies of the receive ")
          + oneLine(c.first()) + " compete for " + oneLine(c.contested());
    }
    return "race on " + c.channel().spelling() + ": " + what
        + (c.takes()
            ? " (the winner takes a message: the order changes a value, take_race)"
            : " (nothing is taken: a race that changes no value)");
  }

  private static String oneLine(String printed) {
    return "`" + printed.strip().replaceAll("\\s*\\n\\s*", " ") + "`";
  }
}
