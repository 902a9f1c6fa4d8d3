package rhoscope.server.cluster;

import java.time.Duration;
import java.util.List;
import rhoscope.server.http.NewProcess;
import rhoscope.server.wire.ProcessSummary;

/** The tasks members run for each other; each answers JSON or a plain value. */
final class Tasks {
  private Tasks() {}

  /** Stores a process ({@link NewProcess} as JSON) on the member; answers the {@code Upload}. */
  static final class Put extends MemberTask<String> {
    private static final long serialVersionUID = 1L;
    private final String process;

    Put(NewProcess process) {
      this.process = ClusterJson.write(process);
    }

    @Override
    String run(LocalNode node) {
      return ClusterJson.write(node.put(ClusterJson.read(process, NewProcess.class)));
    }
  }

  /** The stored process with this cluster id, as JSON, or null when the member has none. */
  static final class Get extends MemberTask<String> {
    private static final long serialVersionUID = 1L;
    private final long id;

    Get(long id) {
      this.id = id;
    }

    @Override
    String run(LocalNode node) {
      return node.get(id).map(ClusterJson::write).orElse(null);
    }
  }

  static final class Remove extends MemberTask<Boolean> {
    private static final long serialVersionUID = 1L;
    private final long id;

    Remove(long id) {
      this.id = id;
    }

    @Override
    Boolean run(LocalNode node) {
      return node.remove(id);
    }
  }

  /** Every process the member holds, as a JSON array of {@link ProcessSummary}. */
  static final class ListAll extends MemberTask<String> {
    private static final long serialVersionUID = 1L;

    @Override
    String run(LocalNode node) {
      List<ProcessSummary> all = node.list();
      return ClusterJson.write(all.toArray(ProcessSummary[]::new));
    }
  }

  /** The member's {@code MemberHealth}, as JSON. */
  static final class Health extends MemberTask<String> {
    private static final long serialVersionUID = 1L;

    @Override
    String run(LocalNode node) {
      return ClusterJson.write(node.health(false));
    }
  }

  /**
   * The member's answer to a query over what it holds of the shards the assignment gives it
   * ({@link MemberAnswer} as JSON), within what the caller had left of its budget when it sent
   * the task: the member stops when the caller does, not a whole budget after its own start.
   */
  static final class Query extends MemberTask<String> {
    private static final long serialVersionUID = 1L;
    private final QueryOrder order;
    private final String queryId;
    private final Assignment assignment;
    private final long leftMillis;

    Query(QueryOrder order, String queryId, Assignment assignment, Duration left) {
      this.order = order;
      this.queryId = queryId;
      this.assignment = assignment;
      this.leftMillis = left.toMillis();
    }

    @Override
    String run(LocalNode node) {
      return ClusterJson.write(node.query(order, queryId, assignment, Duration.ofMillis(leftMillis)));
    }
  }

  /** Takes part of a shard in, as stored; answers once it is committed (or outranked) there. */
  static final class Adopt extends MemberTask<Boolean> {
    private static final long serialVersionUID = 1L;
    private final ShardBatch batch;

    Adopt(ShardBatch batch) {
      this.batch = batch;
    }

    @Override
    Boolean run(LocalNode node) {
      node.adopt(batch);
      return true;
    }
  }
}
