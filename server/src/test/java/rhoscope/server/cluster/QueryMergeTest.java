package rhoscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rhoscope.engine.check.Verdict;
import rhoscope.server.wire.CheckMethod;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.SourceFormat;
import rhoscope.server.wire.Unfinished;

class QueryMergeTest {
  private static final CheckMethod METHOD = CheckMethod.values()[0];

  private static Match match(long id, Verdict v) {
    return new Match(id, "p" + id, "d", SourceFormat.RHOLANG, v, METHOD, null, null, 1, false);
  }

  private static MemberAnswer answer(List<Match> matches, List<Unfinished> unfinished, long total) {
    Map<Long, MemberAnswer.Copy> copies = new HashMap<>();
    matches.forEach(m -> copies.put(m.id(), new MemberAnswer.Copy("d\n" + m.name() + "\n", 1)));
    unfinished.forEach(u -> copies.put(u.id(), new MemberAnswer.Copy("d\n" + u.name() + "\n", 1)));
    return answer(matches, unfinished, total, copies);
  }

  private static MemberAnswer answer(
      List<Match> matches, List<Unfinished> unfinished, long total,
      Map<Long, MemberAnswer.Copy> copies) {
    return new MemberAnswer(
        new QueryAnswer(
            "t", "all", total, 0, 10, matches, !unfinished.isEmpty(), unfinished, List.of(),
            new QueryStats(5, 4, 3, 2, 1, 1, 9)),
        copies);
  }

  @Test
  void membersMatchesAreRankedAsOneDatabaseRanksThemThenPaged() {
    MemberAnswer a = answer(List.of(match(4, Verdict.YES), match(1, Verdict.UNKNOWN)), List.of(), 2);
    MemberAnswer b = answer(List.of(match(2, Verdict.YES), match(3, Verdict.YES)), List.of(), 2);
    QueryAnswer merged = QueryMerge.merge(List.of(a, b), 1, 2, List.of(), 7);
    assertThat(merged.matches()).extracting(Match::id).containsExactly(3L, 4L);
    assertThat(merged.total()).isEqualTo(4);
    assertThat(merged.stats()).isEqualTo(new QueryStats(10, 8, 6, 4, 2, 2, 7));
    assertThat(merged.partial()).isFalse();
  }

  @Test
  void unavailableShardsOrUnfinishedCandidatesMakeTheAnswerPartial() {
    MemberAnswer a = answer(List.of(match(1, Verdict.YES)), List.of(), 1);
    QueryAnswer gone = QueryMerge.merge(List.of(a), 0, 10, List.of("contracts/escrow"), 1);
    assertThat(gone.partial()).isTrue();
    assertThat(gone.unavailable()).containsExactly("contracts/escrow");
    assertThat(gone.unfinished()).isNull();

    Unfinished u = new Unfinished(9, "p9", "d", SourceFormat.RHOLANG, Verdict.UNKNOWN, "time");
    QueryAnswer cut = QueryMerge.merge(List.of(a, answer(List.of(), List.of(u), 0)), 0, 10, List.of(), 1);
    assertThat(cut.partial()).isTrue();
    assertThat(cut.unfinished()).containsExactly(u);
    assertThat(cut.unavailable()).isNull();
  }

  @Test
  void aProcessTwoMembersAnsweredForIsKeptOnceAtItsNewestWrite() {
    // The same process (one key) under two members' cluster ids: an older copy and a newer one.
    Match old = match(7, Verdict.YES);
    Match newer = match(12, Verdict.UNKNOWN);
    MemberAnswer a =
        answer(List.of(old, match(1, Verdict.YES)), List.of(), 2,
            Map.of(7L, new MemberAnswer.Copy("d\nescrow\n", 3),
                1L, new MemberAnswer.Copy("d\nbank\n", 1)));
    MemberAnswer b =
        answer(List.of(newer), List.of(), 1, Map.of(12L, new MemberAnswer.Copy("d\nescrow\n", 5)));
    for (List<MemberAnswer> order : List.of(List.of(a, b), List.of(b, a))) {
      QueryAnswer merged = QueryMerge.merge(order, 0, 10, List.of(), 1);
      assertThat(merged.matches()).extracting(Match::id).containsExactly(1L, 12L);
      assertThat(merged.total()).isEqualTo(2);
    }
  }
}
