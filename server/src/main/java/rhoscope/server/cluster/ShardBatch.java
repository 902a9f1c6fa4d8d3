package rhoscope.server.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Part of a shard on its way to its new holder: processes as they are stored (source, features,
 * cached verdicts, fingerprint, encoded by {@code ProcessCodec}), each with its write number, and
 * the shard's deletes, by process key.
 */
record ShardBatch(String shard, List<Moved> processes, Map<String, Long> tombstones)
    implements Serializable {
  record Moved(String key, long version, byte[] encoded) implements Serializable {}

  ShardBatch {
    processes = List.copyOf(processes);
    tombstones = Map.copyOf(tombstones);
  }
}
