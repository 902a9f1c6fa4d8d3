package rhoscope.server.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rhoscope.engine.analysis.ChannelUse;
import rhoscope.engine.analysis.StaticFeatures;
import rhoscope.indexer.features.ExplorationFeatures;
import rhoscope.indexer.features.ProcessFeatures;

/**
 * A process's features as the API shows them: a flat map of plain JSON values, keyed by what a
 * reader of the process page wants to know, in a stable order.
 */
final class Features {
  private Features() {}

  static Map<String, Object> toMap(ProcessFeatures features) {
    StaticFeatures s = features.statics();
    ExplorationFeatures e = features.exploration();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("freeNames", List.copyOf(s.freeNames()));
    out.put("namespaces", List.copyOf(s.namespaces()));
    out.put("declaredNames", List.copyOf(s.declaredNames()));
    out.put("channels", channels(s));
    out.put("dependencies", s.dependencies().stream().map(d -> d.from() + " -> " + d.to()).toList());
    out.put("cycles", s.cycles().stream().map(c -> String.join(" -> ", c)).toList());
    out.put("raceCandidates", List.copyOf(s.raceCandidates()));
    out.put("hasLinearReceive", s.hasLinearReceive());
    out.put("computesStrings", s.computesStrings());
    out.put("explored", e.explored());
    out.put("explorationComplete", e.complete());
    out.put("stateCount", e.stateCount());
    out.put("transitions", e.transitions());
    out.put("explorationMs", e.millis());
    if (!e.note().isEmpty()) {
      out.put("explorationNote", e.note());
    }
    out.put("carriedNames", List.copyOf(e.carriedNames()));
    out.put("commChannels", List.copyOf(e.commChannels()));
    out.put("receiveChannels", List.copyOf(e.receiveChannels()));
    out.put("contractChannels", List.copyOf(e.contractChannels()));
    out.put("deadlockReachable", e.deadlockReachable());
    out.put("terminalReachable", e.terminalReachable());
    // proved without exploring (a boolean SBML model's species outside its presence closure)
    out.put("neverCarriedNames", List.copyOf(features.neverCarried()));
    return out;
  }

  /** One line per channel: {@code label: 2 sends, 1 receive (repeats)}. */
  private static List<String> channels(StaticFeatures s) {
    List<String> out = new ArrayList<>();
    s.channels().forEach((channel, use) -> out.add(channel.label() + ": " + describe(use)));
    return out;
  }

  static String describe(ChannelUse u) {
    List<String> parts = new ArrayList<>();
    count(parts, u.sends(), "send");
    count(parts, u.persistentSends(), "persistent send");
    count(parts, u.linearReceives(), "receive");
    count(parts, u.persistentReceives(), "persistent receive");
    count(parts, u.peeks(), "peek");
    String text = String.join(", ", parts);
    return u.sendRepeated() || u.linearReceiveRepeated() ? text + " (repeats)" : text;
  }

  private static void count(List<String> parts, int n, String what) {
    if (n > 0) {
      parts.add(n + " " + what + (n == 1 ? "" : "s"));
    }
  }
}
