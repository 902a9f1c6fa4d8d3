package rhoscope.server.cluster;

import java.util.Objects;
import rhoscope.server.wire.Match;

/**
 * What a member tells the caller of a query while it runs, on the progress topic: how far it got
 * ({@code checked} of {@code candidates}), or a match (then the counts are not set).
 */
record ProgressNote(String query, String member, long checked, long candidates, Match match) {
  ProgressNote {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(member, "member");
  }
}
