package rhoscope.engine.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import rhoscope.engine.ChannelView;
import rhoscope.engine.ReceiveKind;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.ThreadView;
import rhoscope.lang.ast.type.NamePattern;

/**
 * {@code race(n)} on one state: on some channel c matching n, two sends could each COMM with
 * one receive, or two receives could each COMM with one single send. "Could" is read off the
 * state's COMM steps, so pattern matching decides: a receive that only accepts one of two
 * messages is not raced for. Two identical threads compete too: the step is the same but the
 * thread occurs twice in the multiset. A persistent send serves every receiver, so it is never
 * competed for. A step names its message and receiver by their printed threads, which is how
 * they are matched with the state's threads here.
 *
 * <p>{@code take_race(n)} keeps the races whose contested COMM takes a message: sends competing
 * for a linear receive (which one is taken decides what the receiver sees), or receives
 * competing for one send where some competitor is not a peek (whoever takes it changes what the
 * others see). Two peeks reading one message, or calls competing for a contract, take nothing.
 */
final class Races {
  private Races() {}

  /**
   * Two threads competing on a channel: {@code first} and {@code second} (equal when two copies
   * of one thread compete) for {@code contested}; {@code sendsCompete} when they are messages and
   * the contested thread a receive; {@code takes} when the contested COMM takes a message.
   */
  record Competition(ChannelView channel, String first, String second, String contested,
      boolean sendsCompete, boolean takes) {}

  static boolean race(NamePattern pattern, StateView state, List<Trace.Comm> steps) {
    return race(pattern, false, state, steps, ThreadView::print);
  }

  /** {@code print}: a thread's printed text (a cache of {@link ThreadView#print}). */
  static boolean race(NamePattern pattern, boolean takes, StateView state, List<Trace.Comm> steps,
      Function<ThreadView, String> print) {
    return !competitions(pattern, takes, state, steps, print, true).isEmpty();
  }

  /** Every race of the state on a channel matching {@code pattern}, one per contested thread. */
  static List<Competition> all(NamePattern pattern, StateView state, List<Trace.Comm> steps) {
    return competitions(pattern, false, state, steps, ThreadView::print, false);
  }

  private static List<Competition> competitions(NamePattern pattern, boolean takes,
      StateView state, List<Trace.Comm> steps, Function<ThreadView, String> print,
      boolean firstOnly) {
    Map<Long, Map<String, Set<String>>> messagesByReceiver = new LinkedHashMap<>();
    Map<Long, Map<String, Set<String>>> receiversByMessage = new LinkedHashMap<>();
    Map<Long, ChannelView> channels = new HashMap<>();
    for (Trace.Comm step : steps) {
      if (!Names.matches(pattern, step.channel())) {
        continue;
      }
      long channel = step.channel().identity();
      channels.putIfAbsent(channel, step.channel());
      messagesByReceiver.computeIfAbsent(channel, k -> new LinkedHashMap<>())
          .computeIfAbsent(step.receiver(), k -> new LinkedHashSet<>()).add(step.message());
      receiversByMessage.computeIfAbsent(channel, k -> new LinkedHashMap<>())
          .computeIfAbsent(step.message(), k -> new LinkedHashSet<>()).add(step.receiver());
    }
    List<Competition> out = new ArrayList<>();
    if (messagesByReceiver.isEmpty()) {
      return out;
    }
    Map<Long, Map<String, Integer>> sends = new HashMap<>();
    Map<Long, Map<String, Integer>> receives = new HashMap<>();
    Map<String, ReceiveKind> kinds = new HashMap<>();
    // Only threads on a channel with a matching step are counted, so only they are printed.
    for (ThreadView thread : state.threads()) {
      switch (thread) {
        case SendView s when !s.persistent()
            && messagesByReceiver.containsKey(s.channel().identity()) ->
            sends.computeIfAbsent(s.channel().identity(), k -> new HashMap<>())
                .merge(print.apply(s), 1, Integer::sum);
        case ReceiveView r when !r.channels().isEmpty()
            && messagesByReceiver.containsKey(r.channels().get(0).identity()) -> {
          String text = print.apply(r);
          kinds.put(text, r.kind());
          if (r.kind() != ReceiveKind.PERSISTENT) {
            receives.computeIfAbsent(r.channels().get(0).identity(), k -> new HashMap<>())
                .merge(text, 1, Integer::sum);
          }
        }
        default -> {}
      }
    }
    for (Map.Entry<Long, Map<String, Set<String>>> byChannel : messagesByReceiver.entrySet()) {
      long channel = byChannel.getKey();
      ChannelView view = channels.get(channel);
      Map<String, Integer> sendCounts = sends.getOrDefault(channel, Map.of());
      for (Map.Entry<String, Set<String>> byReceiver : byChannel.getValue().entrySet()) {
        Set<String> messages = byReceiver.getValue();
        String one = messages.iterator().next();
        if (messages.size() >= 2 || sendCounts.getOrDefault(one, 0) >= 2) {
          String two = messages.size() >= 2 ? messages.stream().skip(1).findFirst().get() : one;
          ReceiveKind kind = kinds.get(byReceiver.getKey());
          boolean taken = kind == ReceiveKind.LINEAR;
          if (!takes || taken) {
            out.add(new Competition(view, one, two, byReceiver.getKey(), true, taken));
            if (firstOnly) {
              return out;
            }
          }
        }
      }
      Map<String, Integer> receiveCounts = receives.getOrDefault(channel, Map.of());
      for (Map.Entry<String, Set<String>> byMessage : receiversByMessage.get(channel).entrySet()) {
        // Only a single send is consumed; a message a persistent send keeps offering is not.
        if (sendCounts.getOrDefault(byMessage.getKey(), 0) == 0) {
          continue;
        }
        Set<String> receivers = byMessage.getValue();
        String one = receivers.iterator().next();
        if (receivers.size() >= 2 || receiveCounts.getOrDefault(one, 0) >= 2) {
          String two = receivers.size() >= 2 ? receivers.stream().skip(1).findFirst().get() : one;
          boolean taken = receivers.stream().anyMatch(r -> kinds.get(r) != ReceiveKind.PEEK);
          if (!takes || taken) {
            out.add(new Competition(view, one, two, byMessage.getKey(), false, taken));
            if (firstOnly) {
              return out;
            }
          }
        }
      }
    }
    return out;
  }
}
