package rhoscope.engine.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import rhoscope.engine.ReceiveKind;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.ThreadView;
import rhoscope.lang.ast.type.NamePattern;

/**
 * {@code race(n)} on one state: on some channel c matching n, two sends could each COMM with
 * one linear receive (or peek), or two linear receives (or peeks) could each COMM with one
 * single send. "Could" is read off the state's COMM steps, so pattern matching decides: a
 * receive that only accepts one of two messages is not raced for. Two identical threads
 * compete too: the step is the same but the thread occurs twice in the multiset. A persistent
 * send serves every receiver and a contract serves every caller, so they do not compete.
 * A step names its message and receiver by their printed threads, which is how they are
 * matched with the state's threads here.
 */
final class Races {
  private Races() {}

  static boolean race(NamePattern pattern, StateView state, List<Trace.Comm> steps) {
    return race(pattern, state, steps, ThreadView::print);
  }

  /** {@code print}: a thread's printed text (a cache of {@link ThreadView#print}). */
  static boolean race(
      NamePattern pattern, StateView state, List<Trace.Comm> steps, Function<ThreadView, String> print) {
    Map<Long, Map<String, Set<String>>> messagesByReceiver = new HashMap<>();
    Map<Long, Map<String, Set<String>>> receiversByMessage = new HashMap<>();
    for (Trace.Comm step : steps) {
      if (!Names.matches(pattern, step.channel())) {
        continue;
      }
      long channel = step.channel().identity();
      messagesByReceiver.computeIfAbsent(channel, k -> new HashMap<>())
          .computeIfAbsent(step.receiver(), k -> new HashSet<>()).add(step.message());
      receiversByMessage.computeIfAbsent(channel, k -> new HashMap<>())
          .computeIfAbsent(step.message(), k -> new HashSet<>()).add(step.receiver());
    }
    if (messagesByReceiver.isEmpty()) {
      return false;
    }
    Map<Long, Map<String, Integer>> sends = new HashMap<>();
    Map<Long, Map<String, Integer>> receives = new HashMap<>();
    // Only threads on a channel with a matching step are counted, so only they are printed.
    for (ThreadView thread : state.threads()) {
      switch (thread) {
        case SendView s when !s.persistent()
            && messagesByReceiver.containsKey(s.channel().identity()) ->
            sends.computeIfAbsent(s.channel().identity(), k -> new HashMap<>())
                .merge(print.apply(s), 1, Integer::sum);
        case ReceiveView r when r.kind() != ReceiveKind.PERSISTENT && !r.channels().isEmpty()
            && messagesByReceiver.containsKey(r.channels().get(0).identity()) ->
            receives.computeIfAbsent(r.channels().get(0).identity(), k -> new HashMap<>())
                .merge(print.apply(r), 1, Integer::sum);
        default -> {}
      }
    }
    for (Map.Entry<Long, Map<String, Set<String>>> byChannel : messagesByReceiver.entrySet()) {
      long channel = byChannel.getKey();
      Map<String, Integer> sendCounts = sends.getOrDefault(channel, Map.of());
      for (Set<String> messages : byChannel.getValue().values()) {
        if (messages.size() >= 2
            || sendCounts.getOrDefault(messages.iterator().next(), 0) >= 2) {
          return true;
        }
      }
      Map<String, Integer> receiveCounts = receives.getOrDefault(channel, Map.of());
      for (Map.Entry<String, Set<String>> byMessage : receiversByMessage.get(channel).entrySet()) {
        // Only a single send is consumed; a message a persistent send keeps offering is not.
        if (sendCounts.getOrDefault(byMessage.getKey(), 0) == 0) {
          continue;
        }
        Set<String> receivers = byMessage.getValue();
        if (receivers.size() >= 2
            || receiveCounts.getOrDefault(receivers.iterator().next(), 0) >= 2) {
          return true;
        }
      }
    }
    return false;
  }
}
