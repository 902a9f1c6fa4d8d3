package rhoscope.indexer.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.catalog.ProcessRecord;

class FeatureIndexTest {
  @TempDir Path dir;

  private static ProcessRecord rec(long id, String path, String source, String fp) {
    return rhoscope.indexer.catalog.CatalogTestSupport.record(path, source, fp).withId(id);
  }

  @Test
  void documentsAreVisibleAfterCommitAndReplacedById() {
    try (FeatureIndex index = FeatureIndex.open(dir)) {
      index.put(rec(1, "/a.rho", "@\"ERK_PP\"!(1)", "f1"));
      assertThat(index.count(FeatureIndex.all())).isZero();
      index.commit();
      assertThat(index.search(new TermQuery(new Term(Fields.LITERAL, "\"ERK_PP\""))))
          .containsExactly(1L);

      index.put(rec(1, "/a.rho", "@\"MEK\"!(1)", "f2"));
      index.commit();
      assertThat(index.fingerprints()).isEqualTo(Map.of(1L, "f2"));
      assertThat(index.search(new TermQuery(new Term(Fields.LITERAL, "\"ERK_PP\"")))).isEmpty();

      index.delete(1);
      index.commit();
      assertThat(index.count(FeatureIndex.all())).isZero();
    }
  }

  @Test
  void uncommittedWritesAreLostOnCloseAsInACrash() {
    try (FeatureIndex index = FeatureIndex.open(dir)) {
      index.put(rec(1, "/a.rho", "@\"a\"!(1)", "f1"));
      index.commit();
      index.put(rec(2, "/b.rho", "@\"b\"!(1)", "f2"));
    }
    try (FeatureIndex index = FeatureIndex.open(dir)) {
      assertThat(index.fingerprints()).isEqualTo(Map.of(1L, "f1"));
    }
  }

  @Test
  void freeTextFindsPartsOfIdentifiersAndCommentWords() {
    try (FeatureIndex index = FeatureIndex.open(dir)) {
      index.put(rec(1, "/a.rho", "// the kinase cascade\n@\"ERK_PP\"!(1)", "f1"));
      index.put(rec(2, "/b.rho", "// a bank account\n@\"balanceOf\"!(1)", "f2"));
      index.commit();
      assertThat(index.search(FeatureIndex.textQuery("erk"))).containsExactly(1L);
      assertThat(index.search(FeatureIndex.textQuery("ERK_PP"))).containsExactly(1L);
      assertThat(index.search(FeatureIndex.textQuery("kinase"))).containsExactly(1L);
      assertThat(index.search(FeatureIndex.textQuery("balance"))).containsExactly(2L);
      assertThat(index.search(FeatureIndex.textQuery("bank account"))).containsExactly(2L);
      assertThat(index.search(FeatureIndex.textQuery("\"unbalanced"))).isEmpty();
    }
  }
}
