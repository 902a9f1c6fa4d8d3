package rhoscope.indexer.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import rhoscope.engine.analysis.Channel;
import rhoscope.engine.analysis.ChannelUse;
import rhoscope.engine.analysis.StaticFeatures;

/**
 * Everything the index knows about one process: its syntax, a bounded run of it, and what is proved
 * about all its runs without exploring.
 *
 * @param neverCarried public names (written as the type language writes them, {@code "S"}) on which
 *     no reachable state has a message, however far exploration got: for a boolean SBML model, the
 *     species outside its presence closure; empty when nothing is proved
 */
public record ProcessFeatures(
    StaticFeatures statics, ExplorationFeatures exploration, SortedSet<String> neverCarried) {
  public ProcessFeatures {
    Objects.requireNonNull(statics, "statics");
    Objects.requireNonNull(exploration, "exploration");
    neverCarried = Collections.unmodifiableSortedSet(new TreeSet<>(neverCarried));
  }

  /** Features with nothing proved beyond the exploration. */
  public ProcessFeatures(StaticFeatures statics, ExplorationFeatures exploration) {
    this(statics, exploration, new TreeSet<>());
  }

  /**
   * The features as plain values (strings, numbers, booleans, lists, maps) in a stable order, for
   * {@code show} and for JSON.
   */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    StaticFeatures s = statics;
    m.put("free_names", List.copyOf(s.freeNames()));
    m.put("namespaces", List.copyOf(s.namespaces()));
    m.put("declared_names", List.copyOf(s.declaredNames()));
    List<Map<String, Object>> channels = new ArrayList<>();
    for (Map.Entry<Channel, ChannelUse> e : s.channels().entrySet()) {
      Map<String, Object> c = new LinkedHashMap<>();
      ChannelUse u = e.getValue();
      c.put("channel", e.getKey().label());
      c.put("kind", e.getKey().kind().name().toLowerCase(java.util.Locale.ROOT));
      c.put("sends", u.sends());
      c.put("persistent_sends", u.persistentSends());
      c.put("linear_receives", u.linearReceives());
      c.put("persistent_receives", u.persistentReceives());
      c.put("peeks", u.peeks());
      channels.add(c);
    }
    m.put("channels", channels);
    m.put("dependencies", s.dependencies().stream().map(d -> d.from() + " -> " + d.to()).toList());
    m.put("cycles", s.cycles());
    m.put("race_candidates", List.copyOf(s.raceCandidates()));
    m.put("computes_strings", s.computesStrings());
    m.put("has_linear_receive", s.hasLinearReceive());
    ExplorationFeatures x = exploration;
    m.put("explored", x.explored());
    m.put("exploration_complete", x.complete());
    m.put("state_count", x.stateCount());
    m.put("transitions", x.transitions());
    m.put("explore_millis", x.millis());
    m.put("exploration_note", x.note());
    m.put("names_carrying_messages", List.copyOf(x.carriedNames()));
    m.put("channels_communicating", List.copyOf(x.commChannels()));
    m.put("channels_receiving", List.copyOf(x.receiveChannels()));
    m.put("channels_serving", List.copyOf(x.contractChannels()));
    m.put("deadlock_reachable", x.deadlockReachable());
    m.put("terminal_reachable", x.terminalReachable());
    m.put("names_never_carrying_messages", List.copyOf(neverCarried));
    return m;
  }
}
