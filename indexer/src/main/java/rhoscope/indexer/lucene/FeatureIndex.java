package rhoscope.indexer.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import rhoscope.indexer.catalog.ProcessRecord;

/**
 * The Lucene index of one shard: one document per process, its features as fields. Writes go
 * through one {@link IndexWriter}; reads through a near-real-time {@link SearcherManager} refreshed
 * after each commit.
 */
public final class FeatureIndex implements AutoCloseable {
  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private FeatureIndex(Path dir, Directory directory, IndexWriter writer) throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens (creating if needed) the index in {@code dir}. */
  public static FeatureIndex open(Path dir) {
    try {
      Directory directory = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig(new TextAnalyzer(true));
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(false);
      return new FeatureIndex(dir, directory, new IndexWriter(directory, config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open Lucene index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Adds or replaces the document of a process (visible after {@link #commit()}). */
  public void put(ProcessRecord r) {
    try {
      writer.updateDocument(new Term(Fields.ID, Long.toString(r.id())), Documents.of(r));
    } catch (IOException e) {
      throw failed("write", e);
    }
  }

  /** Deletes the document of a process (visible after {@link #commit()}). */
  public void delete(long id) {
    try {
      writer.deleteDocuments(new Term(Fields.ID, Long.toString(id)));
    } catch (IOException e) {
      throw failed("delete from", e);
    }
  }

  /** Makes every write durable and visible to searches. */
  public void commit() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failed("commit", e);
    }
  }

  /** Ids of the processes matching a query, in index order. */
  public List<Long> search(Query query) {
    return withSearcher(s -> s.search(query, new IdCollectorManager()));
  }

  /** How many processes match a query. */
  public int count(Query query) {
    return withSearcher(s -> s.count(query));
  }

  /** The fingerprint of every indexed process, by id. */
  public Map<Long, String> fingerprints() {
    return withSearcher(
        s -> {
          Map<Long, String> out = new HashMap<>();
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            StoredFields stored = leaf.reader().storedFields();
            var live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              if (live == null || live.get(doc)) {
                var d = stored.document(doc);
                out.put(Long.parseLong(d.get(Fields.ID)), d.get(Fields.FINGERPRINT));
              }
            }
          }
          return out;
        });
  }

  /** A query for free text over names and comments, in Lucene's classic syntax. */
  public static Query textQuery(String text) {
    Analyzer analyzer = new TextAnalyzer(false);
    QueryParser parser = new QueryParser(Fields.TEXT, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      // Free text from users: a stray quote or bracket should not fail the query.
      try {
        return parser.parse(QueryParser.escape(text));
      } catch (ParseException again) {
        throw new IllegalArgumentException("cannot read text filter '" + text + "'", again);
      }
    }
  }

  /**
   * Documents whose text holds {@code phrase} as a phrase (its words in order, as the text
   * analyzer splits them): the SBML models that may name a species so.
   */
  public static Query phraseQuery(String phrase) {
    return textQuery("\"" + QueryParser.escape(phrase) + "\"");
  }

  /** Every document. */
  public static Query all() {
    return new MatchAllDocsQuery();
  }

  private interface SearchFn<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcher(SearchFn<T> fn) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return fn.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw failed("search", e);
    }
  }

  /** Closes the index; writes since the last commit are dropped, as a crash would drop them. */
  @Override
  public void close() {
    try {
      searchers.close();
      writer.rollback();
      directory.close();
    } catch (IOException e) {
      throw failed("close", e);
    }
  }

  private UncheckedIOException failed(String what, IOException e) {
    return new UncheckedIOException(
        "cannot " + what + " Lucene index " + dir + ": " + e.getMessage(), e);
  }

  /** A collector per index slice, then one reduce: no shared state between slices. */
  private static final class IdCollectorManager
      implements CollectorManager<IdCollector, List<Long>> {
    @Override
    public IdCollector newCollector() {
      return new IdCollector(new ArrayList<>());
    }

    @Override
    public List<Long> reduce(Collection<IdCollector> collectors) {
      List<Long> out = new ArrayList<>();
      collectors.forEach(c -> out.addAll(c.ids));
      return out;
    }
  }

  /** Collects process ids from doc values: no stored-field loading per hit. */
  private static final class IdCollector extends SimpleCollector {
    private final List<Long> ids;
    private NumericDocValues values;

    IdCollector(List<Long> ids) {
      this.ids = ids;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      values = context.reader().getNumericDocValues(Documents.ID_VALUES);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        ids.add(values.longValue());
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
