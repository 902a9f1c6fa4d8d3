package rhoscope.server.cluster;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * Which member answers a query for each shard, as the caller read the shard directory when the
 * query began: a member answers for the shards the directory gives it, and for those whose holder
 * is gone or unnamed, never for a shard another member in the cluster holds. While a shard moves,
 * both members have its processes and exactly one of them answers for it; the old holder keeps its
 * copy until every query that began before the directory named the new holder has finished.
 */
record Assignment(Map<String, String> holders, Set<String> live) implements Serializable {
  Assignment {
    holders = Map.copyOf(holders);
    live = Set.copyOf(live);
  }

  boolean answers(String member, String shard) {
    String holder = holders.get(shard);
    return holder == null || holder.equals(member) || !live.contains(holder);
  }
}
