package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.catalog.CachedVerdict;
import rhoscope.indexer.catalog.CatalogFile;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessSummary;
import rhoscope.indexer.catalog.VerdictCache;

class ProcessDatabaseTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve("src").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static final String PING =
      "// a ping that is answered\n"
          + "new ping in { ping!(1) | for (x <- ping) { @\"pong\"!(x) } }";
  private static final String STUCK = "// waits forever\nfor (x <- @\"never\") { @\"done\"!(x) }";

  @Test
  void indexingTwiceIsANoOpAndAChangedFileReplacesItsVersion() throws IOException {
    Path a = write("a.rho", PING);
    write("b.rho", STUCK);
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      IndexSummary first =
          db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
      assertThat(first.failed()).isEmpty();
      assertThat(first.added()).isEqualTo(2);

      IndexSummary second =
          db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
      assertThat(second.added()).isZero();
      assertThat(second.unchanged()).isEqualTo(2);

      long id =
          db.list().stream().filter(s -> s.name().equals("a.rho")).findFirst().orElseThrow().id();
      Files.writeString(a, "@\"pong\"!(2)", StandardCharsets.UTF_8);
      IndexSummary third = db.index(List.of(a), IndexOptions.defaults(), IndexProgress.NONE);
      assertThat(third.replaced()).isEqualTo(1);
      ProcessRecord now = db.get(id).orElseThrow();
      assertThat(now.source()).isEqualTo("@\"pong\"!(2)");
      assertThat(db.list()).hasSize(2);
      assertThat(db.query(QueryRequest.of("contains \"pong\"!(2)")).results())
          .extracting(ProcessVerdict::id)
          .containsExactly(id);
    }
  }

  @Test
  void queriesAnswerWithVerdictsWitnessesAndStatistics() throws IOException {
    write("a.rho", PING);
    write("b.rho", STUCK);
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);

      QueryResult r = db.query(QueryRequest.of("eventually contains \"pong\"!(1)"));

      assertThat(r.results()).extracting(ProcessVerdict::name).containsExactly("a.rho");
      ProcessVerdict v = r.results().get(0);
      assertThat(v.verdict()).isEqualTo(Verdict.YES);
      assertThat(v.witness().orElseThrow().steps()).hasSize(1);
      assertThat(v.witness().orElseThrow().steps().get(0).comm().channel().spelling())
          .isEqualTo("ping");
      // b.rho never writes "pong" with a complete exploration: the index rules it out.
      assertThat(r.stats().total()).isEqualTo(2);
      assertThat(r.stats().prunedByIndex()).isEqualTo(1);
      assertThat(r.stats().checked()).isEqualTo(1);
      assertThat(r.stats().matched()).isEqualTo(1);

      QueryResult again = db.query(QueryRequest.of("eventually contains \"pong\"!(1)"));
      assertThat(again.stats().fromCache()).isEqualTo(1);
      assertThat(again.stats().checked()).isZero();
      assertThat(again.results().get(0).witness()).isEqualTo(v.witness());
    }
  }

  @Test
  void aVerdictCachedInTheUnversionedFormatIsCheckedAgainAndStoredAnew() throws IOException {
    write("a.rho", PING);
    String type = "eventually contains \"pong\"!(1)";
    String key;
    String fingerprint;
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
      QueryResult r = db.query(QueryRequest.of(type));
      key = r.normalizedType();
      fingerprint = db.get(r.results().get(0).id()).orElseThrow().fingerprint();
    }
    // a row as earlier releases wrote it: steps as channel, message, receiver; then the state
    try (CatalogFile file = CatalogFile.open(dir.resolve("db"))) {
      VerdictCache cache = new VerdictCache(file);
      cache.put(fingerprint, key, new CachedVerdict("YES", "stale", "ping\tping!(1)\t"
          + "for (x <- ping) { @\"pong\"!(x) }\n@\"pong\"!(1)", 1, "EXPLORE"));
      assertThat(cache.get(fingerprint, key)).map(CachedVerdict::reason).contains("stale");
    }

    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      QueryResult again = db.query(QueryRequest.of(type));
      assertThat(again.stats().fromCache()).isZero();
      assertThat(again.stats().checked()).isEqualTo(1);
      ProcessVerdict v = again.results().get(0);
      assertThat(v.cached()).isFalse();
      assertThat(v.reason()).isNotEqualTo("stale");
      assertThat(v.witness().orElseThrow().steps()).hasSize(1);
      assertThat(v.finalState()).contains("pong");
      // the check's one replay travels with the answer: start, then one state a step
      assertThat(v.replayed()).hasSize(2);
      assertThat(v.replayed().getLast().print()).isEqualTo(v.finalState());

      QueryResult third = db.query(QueryRequest.of(type));
      assertThat(third.stats().fromCache()).isEqualTo(1);
      assertThat(third.results().get(0).witness()).isEqualTo(v.witness());
      assertThat(third.results().get(0).finalState()).isEqualTo(v.finalState());
      assertThat(third.results().get(0).replayed()).isEmpty();
    }
  }

  @Test
  void theProgressHearsEveryAnsweredCandidateOnceWithTheResultsVerdicts() throws IOException {
    for (int i = 0; i < 6; i++) {
      write("ping" + i + ".rho", PING);
      write("stuck" + i + ".rho", STUCK);
      write("other" + i + ".rho", "new x in { x!(" + i + ") | for (y <- x) { @\"pong\"!(y) } }");
    }
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
      for (QueryRequest request :
          List.of(
              // every process checked, yes and no answers...
              QueryRequest.of("eventually contains \"pong\"!(1)").withPlanner(false),
              // ...then the same query from the cache, and one the index prunes.
              QueryRequest.of("eventually contains \"pong\"!(1)").withPlanner(false),
              QueryRequest.of("eventually contains \"pong\"!(1)").withCache(false))) {
        Queue<ProcessVerdict> heard = new ConcurrentLinkedQueue<>();
        List<Integer> candidates = new CopyOnWriteArrayList<>();
        QueryResult r =
            db.query(
                request.withLimit(1000),
                new QueryProgress() {
                  @Override
                  public void candidates(int count) {
                    assertThat(heard).as("candidates comes before any verdict").isEmpty();
                    candidates.add(count);
                  }

                  @Override
                  public void verdict(ProcessVerdict v) {
                    heard.add(v);
                  }
                });

        QueryStats s = r.stats();
        assertThat(candidates).containsExactly(s.total() - s.prunedByIndex());
        assertThat(heard).hasSize(s.checked() + s.fromCache());
        assertThat(heard).hasSize(s.total() - s.prunedByIndex());
        Map<Long, ProcessVerdict> byId =
            heard.stream().collect(Collectors.toMap(ProcessVerdict::id, v -> v));
        assertThat(byId).as("each process once").hasSize(heard.size());
        assertThat(heard.stream().filter(v -> v.verdict() == Verdict.YES)).hasSize(s.matched());
        assertThat(heard.stream().filter(ProcessVerdict::cached)).hasSize(s.fromCache());
        assertThat(heard.stream().filter(v -> v.verdict() != Verdict.NO).map(ProcessVerdict::id))
            .containsExactlyInAnyOrderElementsOf(
                r.results().stream().map(ProcessVerdict::id).toList());
        for (ProcessVerdict v : r.results()) {
          assertThat(byId.get(v.id())).isEqualTo(v);
        }
      }
      QueryResult plain = db.query(QueryRequest.of("eventually contains \"pong\"!(1)"));
      assertThat(plain.results()).extracting(ProcessVerdict::verdict).containsOnly(Verdict.YES);
      assertThat(plain.results()).hasSize(7);
    }
  }

  @Test
  void aFileIsAnotherProcessUnderAnotherDatasetOrOtherImportOptions() throws IOException {
    Path mapk = dir.resolve("src").resolve("mapk_cascade.xml");
    Files.createDirectories(mapk.getParent());
    Files.copy(Path.of("..", "datasets", "pathways", "mapk_cascade.xml"), mapk);
    IndexOptions ko =
        IndexOptions.defaults()
            .withDataset("ko")
            .withSbml(rhoscope.indexer.sbml.ImportOptions.parse("boolean", List.of("E1=0")));
    IndexOptions wt = IndexOptions.defaults().withDataset("wt");
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      IndexSummary knockOut = db.index(List.of(mapk), ko, IndexProgress.NONE);
      assertThat(knockOut.failed()).isEmpty();
      assertThat(knockOut.added()).isEqualTo(1);

      IndexSummary wildType = db.index(List.of(mapk), wt, IndexProgress.NONE);
      assertThat(wildType.added()).isEqualTo(1);
      assertThat(wildType.replaced()).isZero();

      // same path and options, another dataset: another process
      IndexSummary other = db.index(List.of(mapk), wt.withDataset("other"), IndexProgress.NONE);
      assertThat(other.added()).isEqualTo(1);
      assertThat(other.unchanged()).isZero();

      // same path and dataset, other options: another process
      IndexSummary counts =
          db.index(
              List.of(mapk),
              wt.withSbml(rhoscope.indexer.sbml.ImportOptions.parse("counts:2", List.of())),
              IndexProgress.NONE);
      assertThat(counts.added()).isEqualTo(1);

      assertThat(db.list())
          .extracting(s -> s.dataset() + " " + s.semantics())
          .containsExactly("ko boolean E1=0", "wt boolean", "other boolean", "wt counts:2");

      // same identity, same content: unchanged; same identity, changed content: replaced
      assertThat(db.index(List.of(mapk), ko, IndexProgress.NONE).unchanged()).isEqualTo(1);
      long koId = db.list().get(0).id();
      Files.writeString(
          mapk,
          Files.readString(mapk, StandardCharsets.UTF_8) + "<!-- v2 -->\n",
          StandardCharsets.UTF_8);
      IndexSummary changed = db.index(List.of(mapk), ko, IndexProgress.NONE);
      assertThat(changed.replaced()).isEqualTo(1);
      assertThat(changed.added()).isZero();
      assertThat(db.list()).hasSize(4);
      assertThat(db.get(koId).orElseThrow().source()).contains("<!-- v2 -->");
      assertThat(db.query(QueryRequest.of("true").withDataset("ko")).stats().total()).isEqualTo(1);
      assertThat(db.query(QueryRequest.of("true").withDataset("wt")).stats().total()).isEqualTo(2);
    }
  }

  @Test
  void filtersRestrictTheScope() throws IOException {
    write("ping.rho", PING);
    write("stuck.rho", STUCK);
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      db.index(
          List.of(dir.resolve("src")),
          IndexOptions.defaults().withDataset("mine"),
          IndexProgress.NONE);
      assertThat(db.query(QueryRequest.of("true").withText("forever")).results())
          .extracting(ProcessVerdict::name)
          .containsExactly("stuck.rho");
      assertThat(db.query(QueryRequest.of("true").withNamePattern("PI*")).results())
          .extracting(ProcessVerdict::name)
          .containsExactly("ping.rho");
      assertThat(db.query(QueryRequest.of("true").withDataset("other")).stats().total()).isZero();
      assertThat(db.query(QueryRequest.of("true").withDataset("mine")).stats().total())
          .isEqualTo(2);
    }
  }

  @Test
  void explainShowsTheIndexCondition() {
    assertThat(ProcessDatabase.explain("eventually deadlock"))
        .isEqualTo("(linear_receive:true AND (complete:false OR deadlock:true))");
    assertThat(ProcessDatabase.explain("deadlock_free")).isEqualTo("all");
  }

  @Test
  void removeDeletesFromBothStores() throws IOException {
    write("a.rho", PING);
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
      long id = db.list().get(0).id();
      assertThat(db.remove(id)).isTrue();
      assertThat(db.remove(id)).isFalse();
      assertThat(db.list()).isEmpty();
      assertThat(db.query(QueryRequest.of("true")).stats().total()).isZero();
    }
  }

  @Test
  void unparsableFilesAreReportedWithTheirPosition() throws IOException {
    write("bad.rho", "new x in { x!( }");
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"))) {
      IndexSummary s =
          db.index(List.of(dir.resolve("src")), IndexOptions.defaults(), IndexProgress.NONE);
      assertThat(s.failed()).hasSize(1);
      assertThat(s.failed().get(0).reason()).contains("1:");
      assertThat(db.list()).extracting(ProcessSummary::name).isEmpty();
    }
  }
}
