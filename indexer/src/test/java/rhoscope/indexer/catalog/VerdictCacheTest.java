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
      c.put("fp", "eventually true", new CachedVerdict("YES", "why", "a\tb\tc\nend", 7));
      assertThat(c.get("fp", "eventually true"))
          .contains(new CachedVerdict("YES", "why", "a\tb\tc\nend", 7));
      assertThat(c.get("fp", "eventually false")).isEmpty();
      assertThat(c.get("other", "eventually true")).isEmpty();
      c.clear();
      assertThat(c.get("fp", "eventually true")).isEmpty();
    }
  }

  @Test
  void aCachedVerdictWrittenUnderAnotherSemanticsVersionIsNotServed() {
    int now = EngineSemantics.VERSION;
    try (CatalogFile db = CatalogFile.open(dir)) {
      new VerdictCache(db, now - 1).put("fp", "T", new CachedVerdict("NO", "old", "", 1));
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      VerdictCache cache = new VerdictCache(db);
      assertThat(cache.get("fp", "T")).isEmpty();
      cache.put("fp", "T", new CachedVerdict("YES", "new", "", 2));
      assertThat(cache.get("fp", "T")).contains(new CachedVerdict("YES", "new", "", 2));
      VerdictCache old = new VerdictCache(db, now - 1);
      assertThat(old.get("fp", "T"))
          .as("the two versions' verdicts are two rows")
          .contains(new CachedVerdict("NO", "old", "", 1));
      assertThat(cache.dropOtherSemantics()).isEqualTo(1);
      assertThat(old.get("fp", "T")).isEmpty();
      assertThat(cache.get("fp", "T")).isPresent();
    }
  }
}
