package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;

/**
 * A cluster in {@code GET /api/health}: its name, its members with the processes each owns, and
 * the shards whose member is gone (their processes answer no query until it returns).
 */
public record ClusterHealth(String name, List<MemberHealth> members, List<String> unavailable) {
  public ClusterHealth {
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
    unavailable = List.copyOf(unavailable);
  }
}
