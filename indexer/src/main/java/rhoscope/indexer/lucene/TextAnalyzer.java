package rhoscope.indexer.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Words of names and comments: identifiers are split at underscores, case changes and digits while
 * the whole identifier is kept too, so {@code ERK_PP} is found by {@code erk}, {@code pp} and
 * {@code erk_pp}.
 */
final class TextAnalyzer extends Analyzer {
  private final boolean indexing;

  TextAnalyzer(boolean indexing) {
    this.indexing = indexing;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    int flags =
        WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
    TokenStream s = new WordDelimiterGraphFilter(source, flags, null);
    if (indexing) {
      // The index cannot store a token graph; flatten it as Lucene's docs prescribe.
      s = new FlattenGraphFilter(s);
    }
    return new TokenStreamComponents(source, new LowerCaseFilter(s));
  }
}
