package rhoscope.indexer.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import rhoscope.engine.analysis.Channel;
import rhoscope.engine.analysis.ChannelKind;
import rhoscope.engine.analysis.ChannelUse;
import rhoscope.engine.analysis.Dependency;
import rhoscope.engine.analysis.StaticFeatures;
import rhoscope.indexer.features.ExplorationFeatures;
import rhoscope.indexer.features.ProcessFeatures;

/** Features to and from the feature tables: scalars in one row, sets as (field, value) rows. */
final class FeatureRows {
  /** Separates the parts of a dependency edge or a cycle; never part of a channel label. */
  private static final String SEP = "\u001f";

  private FeatureRows() {}

  static void write(Connection c, long id, ProcessFeatures f) throws SQLException {
    StaticFeatures s = f.statics();
    ExplorationFeatures e = f.exploration();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO features (process_id, explored, complete, state_count, transitions,"
                + " explore_millis, note, deadlock, terminal, computes_strings, linear_receive)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setBoolean(2, e.explored());
      ps.setBoolean(3, e.complete());
      ps.setLong(4, e.stateCount());
      ps.setLong(5, e.transitions());
      ps.setLong(6, e.millis());
      ps.setString(7, CatalogFile.truncate(e.note()));
      ps.setBoolean(8, e.deadlockReachable());
      ps.setBoolean(9, e.terminalReachable());
      ps.setBoolean(10, s.computesStrings());
      ps.setBoolean(11, s.hasLinearReceive());
      ps.executeUpdate();
    }
    Map<String, List<String>> sets = new TreeMap<>();
    sets.put("free_name", List.copyOf(s.freeNames()));
    sets.put("namespace", List.copyOf(s.namespaces()));
    sets.put("declared", List.copyOf(s.declaredNames()));
    sets.put("literal", List.copyOf(s.literals()));
    sets.put("race", List.copyOf(s.raceCandidates()));
    sets.put("dependency", s.dependencies().stream().map(d -> d.from() + SEP + d.to()).toList());
    sets.put("cycle", s.cycles().stream().map(cy -> String.join(SEP, cy)).toList());
    sets.put("carried", List.copyOf(e.carriedNames()));
    sets.put("comm", List.copyOf(e.commChannels()));
    sets.put("receive", List.copyOf(e.receiveChannels()));
    sets.put("contract", List.copyOf(e.contractChannels()));
    sets.put("never_carried", List.copyOf(f.neverCarried()));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO feature_values (process_id, field, seq, val) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, List<String>> en : sets.entrySet()) {
        List<String> values = en.getValue();
        for (int i = 0; i < values.size(); i++) {
          ps.setLong(1, id);
          ps.setString(2, en.getKey());
          ps.setInt(3, i);
          ps.setString(4, values.get(i));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO channels (process_id, label, kind, sends, persistent_sends,"
                + " linear_receives, persistent_receives, peeks, send_repeated, receive_repeated)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<Channel, ChannelUse> en : s.channels().entrySet()) {
        ChannelUse u = en.getValue();
        ps.setLong(1, id);
        ps.setString(2, en.getKey().label());
        ps.setString(3, en.getKey().kind().name());
        ps.setInt(4, u.sends());
        ps.setInt(5, u.persistentSends());
        ps.setInt(6, u.linearReceives());
        ps.setInt(7, u.persistentReceives());
        ps.setInt(8, u.peeks());
        ps.setBoolean(9, u.sendRepeated());
        ps.setBoolean(10, u.linearReceiveRepeated());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static ProcessFeatures read(Connection c, long id) throws SQLException {
    Map<String, List<String>> sets = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT field, val FROM feature_values WHERE process_id=? ORDER BY field, seq")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    TreeMap<Channel, ChannelUse> channels = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT label, kind, sends, persistent_sends, linear_receives, persistent_receives,"
                + " peeks, send_repeated, receive_repeated FROM channels WHERE process_id=?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          channels.put(
              new Channel(ChannelKind.valueOf(rs.getString(2)), rs.getString(1)),
              new ChannelUse(
                  rs.getInt(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getBoolean(8),
                  rs.getBoolean(9)));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT explored, complete, state_count, transitions, explore_millis, note, deadlock,"
                + " terminal, computes_strings, linear_receive FROM features WHERE process_id=?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no features row for process " + id);
        }
        TreeSet<Dependency> deps = new TreeSet<>();
        for (String d : set(sets, "dependency")) {
          String[] parts = d.split(SEP, 2);
          deps.add(new Dependency(parts[0], parts[1]));
        }
        List<List<String>> cycles =
            set(sets, "cycle").stream().map(cy -> Arrays.asList(cy.split(SEP, -1))).toList();
        StaticFeatures statics =
            new StaticFeatures(
                channels,
                set(sets, "free_name"),
                set(sets, "namespace"),
                set(sets, "declared"),
                set(sets, "literal"),
                rs.getBoolean(9),
                rs.getBoolean(10),
                deps,
                cycles,
                set(sets, "race"));
        ExplorationFeatures exploration =
            new ExplorationFeatures(
                rs.getBoolean(1),
                rs.getBoolean(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getString(6),
                set(sets, "carried"),
                set(sets, "comm"),
                set(sets, "receive"),
                set(sets, "contract"),
                rs.getBoolean(7),
                rs.getBoolean(8));
        return new ProcessFeatures(statics, exploration, set(sets, "never_carried"));
      }
    }
  }

  private static SortedSet<String> set(Map<String, List<String>> sets, String field) {
    return new TreeSet<>(sets.getOrDefault(field, List.of()));
  }
}
