package rhoscope.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.EngineSemantics;

class VerdictCacheTest {
  @TempDir Path dir;

  @Test
  void verdictsAreKeyedByFingerprintAndType() {
    try (CatalogFile db = CatalogFile.open(dir)) {
      VerdictCache c = new VerdictCache(db);
      CachedVerdict v = new CachedVerdict("YES", "why", "a\tb\tc\nend", 7, "EXPLORE");
      c.put("fp", "eventually true", v);
      assertThat(c.get("fp", "eventually true")).contains(v);
      assertThat(c.get("fp", "eventually false")).isEmpty();
      assertThat(c.get("other", "eventually true")).isEmpty();
      c.clear();
      assertThat(c.get("fp", "eventually true")).isEmpty();
    }
  }

  @Test
  void aCachedVerdictKeepsTheMethodThatReachedIt() {
    try (CatalogFile db = CatalogFile.open(dir)) {
      VerdictCache c = new VerdictCache(db);
      c.put("fp", "T", new CachedVerdict("NO", "never present", "", 0, "CLOSURE"));
      assertThat(c.get("fp", "T")).map(CachedVerdict::method).contains("CLOSURE");
    }
  }

  @Test
  void aCachedVerdictWrittenUnderAnotherSemanticsVersionIsNotServed() {
    int now = EngineSemantics.VERSION;
    try (CatalogFile db = CatalogFile.open(dir)) {
      new VerdictCache(db, now - 1)
          .put("fp", "T", new CachedVerdict("NO", "old", "", 1, "EXPLORE"));
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      VerdictCache cache = new VerdictCache(db);
      assertThat(cache.get("fp", "T")).isEmpty();
      cache.put("fp", "T", new CachedVerdict("YES", "new", "", 2, "EXPLORE"));
      assertThat(cache.get("fp", "T")).contains(new CachedVerdict("YES", "new", "", 2, "EXPLORE"));
      VerdictCache old = new VerdictCache(db, now - 1);
      assertThat(old.get("fp", "T"))
          .as("the two versions' verdicts are two rows")
          .contains(new CachedVerdict("NO", "old", "", 1, "EXPLORE"));
      assertThat(cache.dropOtherSemantics()).isEqualTo(1);
      assertThat(old.get("fp", "T")).isEmpty();
      assertThat(cache.get("fp", "T")).isPresent();
    }
  }
}
