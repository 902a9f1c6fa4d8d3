package rhoscope.server.cluster;

/**
 * A process's id across the cluster: its shard's Hazelcast partition in the high 32 bits, the id
 * its member's catalog gave it in the low 32. A partition's shards live on one member at a time,
 * so the pair is unique; a process moved to another member gets a new id there.
 */
final class ClusterIds {
  private static final long LOW = 0xFFFF_FFFFL;

  private ClusterIds() {}

  static long of(int partition, long localId) {
    if (localId < 0 || localId > LOW) {
      throw new IllegalStateException("a member's process id beyond 32 bits: " + localId);
    }
    return ((long) partition << 32) | localId;
  }

  static int partition(long clusterId) {
    return (int) (clusterId >>> 32);
  }

  static long local(long clusterId) {
    return clusterId & LOW;
  }
}
