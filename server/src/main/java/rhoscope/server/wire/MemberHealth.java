package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;

/**
 * One member of a cluster: its member address ({@code host:port}), whether it is the member that
 * answered, the processes it owns and the shards (namespaces) they belong to.
 */
public record MemberHealth(String address, boolean local, long processes, List<String> shards) {
  public MemberHealth {
    Objects.requireNonNull(address, "address");
    shards = List.copyOf(shards);
  }
}
