package rhoscope.server.cluster;

/**
 * A process's identity across the cluster, the same on every member that holds a copy of it:
 * dataset, name and import options (a member's catalog id and path differ from member to member).
 * Write numbers ({@link VersionStore}) and a query's deduplication are keyed by it.
 */
final class ProcessKey {
  private ProcessKey() {}

  static String of(String dataset, String name, String semantics) {
    return dataset + "\n" + name + "\n" + (semantics == null ? "" : semantics);
  }
}
