package rhoscope.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.indexer.catalog.TestRecords.record;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.EngineSemantics;

class ProcessStoreTest {
  @TempDir Path dir;

  @Test
  void storedProcessesReadBackWithFeaturesAndWarnings() {
    ProcessRecord r = record("/x/b.rho", "new x in { for (_ <- x) { @\"y\"!(1) } | x!(0) }", "f2");
    try (CatalogFile db = CatalogFile.open(dir)) {
      ProcessStore c = new ProcessStore(db);
      long id = c.putPending(r);
      ProcessRecord back = c.get(id).orElseThrow();
      assertThat(back).isEqualTo(r.withId(id));
      assertThat(c.idsWithStatus(ProcessStore.Status.PENDING)).containsExactly(id);
      c.setStatus(List.of(id), ProcessStore.Status.DONE);
      assertThat(c.idsWithStatus(ProcessStore.Status.PENDING)).isEmpty();
    }
  }

  @Test
  void replacingAPathKeepsItsIdAndDropsTheOldFeatures() {
    try (CatalogFile db = CatalogFile.open(dir)) {
      ProcessStore c = new ProcessStore(db);
      long id = c.putPending(record("/x/c.rho", "@\"old\"!(1)", "f3"));
      long again = c.putPending(record("/x/c.rho", "@\"new\"!(1)", "f4"));
      assertThat(again).isEqualTo(id);
      ProcessRecord back = c.get(id).orElseThrow();
      assertThat(back.fingerprint()).isEqualTo("f4");
      assertThat(back.features().statics().freeNames()).containsExactly("\"new\"");
      assertThat(c.byIdentity(new ProcessIdentity("/x/c.rho", "test", "")).orElseThrow())
          .extracting(ProcessStore.PathEntry::fingerprint)
          .isEqualTo("f4");
    }
  }

  @Test
  void rowsDerivedUnderOtherEngineSemanticsAreListedByVersionUntilStoredAgain() {
    int now = EngineSemantics.VERSION;
    try (CatalogFile db = CatalogFile.open(dir)) {
      ProcessStore current = new ProcessStore(db);
      long a = new ProcessStore(db, now - 1).putPending(record("/x/a.rho", "@\"a\"!(1)", "fa"));
      long b = new ProcessStore(db, now + 1).putPending(record("/x/b.rho", "@\"b\"!(1)", "fb"));
      long c = current.putPending(record("/x/c.rho", "@\"c\"!(1)", "fc"));
      assertThat(current.derivedUnderOtherSemantics())
          .isEqualTo(Map.of(now - 1, List.of(a), now + 1, List.of(b)));
      assertThat(current.byIdentity(new ProcessIdentity("/x/a.rho", "test", "")).orElseThrow())
          .extracting(ProcessStore.PathEntry::semanticsVersion)
          .isEqualTo(now - 1);
      assertThat(current.putPending(record("/x/a.rho", "@\"a\"!(1)", "fa"))).isEqualTo(a);
      assertThat(current.derivedUnderOtherSemantics()).isEqualTo(Map.of(now + 1, List.of(b)));
      current.setStatus(List.of(b), ProcessStore.Status.REMOVING);
      assertThat(current.derivedUnderOtherSemantics()).as("a row being removed").isEmpty();
      assertThat(current.list()).extracting(ProcessSummary::id).containsExactly(a, c);
    }
  }
}
