package rhoscope.server.cluster;

import java.util.Map;
import rhoscope.server.wire.QueryAnswer;

/**
 * One member's answer to a query, with the identity and write number of each process it names
 * (by cluster id), so that the caller's merge keeps one copy of a process two members answered for.
 */
record MemberAnswer(QueryAnswer answer, Map<Long, Copy> copies) {
  /** A process's cluster-wide identity ({@link ProcessKey}) and its copy's write number. */
  record Copy(String key, long version) {}

  MemberAnswer {
    copies = Map.copyOf(copies);
  }
}
