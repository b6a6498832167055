package dev.newsindex.search.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.util.SmallFloat;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * An alias from a synonym rule ({@code north atlantic treaty organization} for a typed {@code
 * NATO}, {@code burma} for {@code Myanmar}), scored as one unit: an article that uses the alias,
 * in its title or body, however often, earns {@code weight} times what one occurrence of the
 * typed words would earn in that article (BM25 over the combined title and body: the typed words'
 * idf, the article's length), never the sum of the alias's own words. So one passing mention of
 * a long name cannot outrank an article that uses the words the user typed, and a name of four
 * words counts no more than a name of one.
 *
 * <p>The typed words' statistics are read when the query is rewritten against a searcher (the
 * document frequency of a word being the larger of title's and body's, as for the combined
 * fields); the article's length comes from its norms. Only the alias is matched and shown to the
 * highlighter.
 */
final class AliasQuery extends Query {
  private final Query alias;
  private final Query typed;
  private final float weight;

  private final float titleWeight;

  /**
   * @param alias matches where the alias occurs
   * @param typed the words the user typed at the alias's place, for their statistics only
   * @param weight what the alias counts of one occurrence of the typed words, below 1
   * @param titleWeight what a headline word counts in the article's length, as in the combined
   *     fields
   */
  AliasQuery(Query alias, Query typed, float weight, float titleWeight) {
    this.alias = Objects.requireNonNull(alias);
    this.typed = Objects.requireNonNull(typed);
    this.weight = weight;
    this.titleWeight = titleWeight;
  }

  Query alias() {
    return alias;
  }

  Query typed() {
    return typed;
  }

  float weight() {
    return weight;
  }

  float titleWeight() {
    return titleWeight;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    float idf = idfSum(searcher, typed);
    if (idf == 0) {
      idf = idfSum(searcher, alias) / termCount(alias); // the typed words are all unknown
    }
    BM25Similarity bm = TextScoring.bodyBm25(searcher.getSimilarity());
    double sumLength = 0;
    long docCount = 0;
    for (String field : dev.newsindex.schema.NewsSchema.TEXT_FIELDS) {
      CollectionStatistics stats = searcher.collectionStatistics(field);
      if (stats != null) {
        float w = field.equals(dev.newsindex.schema.NewsSchema.TITLE) ? titleWeight : 1f;
        sumLength += w * (double) stats.sumTotalTermFreq();
        docCount = Math.max(docCount, stats.docCount());
      }
    }
    double average = docCount == 0 ? 1 : Math.max(1, sumLength / docCount);
    return new FunctionScoreQuery(alias, new OneOccurrence(weight * idf, bm.getK1(), bm.getB(),
        titleWeight, average));
  }

  /** The BM25 idf of each distinct word of {@code q}, summed. */
  private static float idfSum(IndexSearcher searcher, Query q) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    float sum = 0;
    for (Term t : terms(q)) {
      long docFreq = 0;
      long docCount = 0;
      for (String field : dev.newsindex.schema.NewsSchema.TEXT_FIELDS) {
        docFreq = Math.max(docFreq, reader.docFreq(new Term(field, t.bytes())));
        CollectionStatistics stats = searcher.collectionStatistics(field);
        docCount = Math.max(docCount, stats == null ? 0 : stats.docCount());
      }
      docCount = Math.max(docCount, docFreq);
      // BM25's idf, and its score for one occurrence where the length is the average.
      sum += (float) Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
    return sum;
  }

  private static int termCount(Query q) {
    return Math.max(1, terms(q).size());
  }

  /** The distinct words of {@code q}, each once whatever its field (as in the body field). */
  private static Set<Term> terms(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... ts) {
        for (Term t : ts) {
          terms.add(new Term(dev.newsindex.schema.NewsSchema.BODY, t.bytes()));
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }
    });
    return terms;
  }

  /**
   * BM25's score for one occurrence of a word whose idf (times the weight) is {@code weight}, in
   * each article: {@code weight / (1 + k1 * (1 - b + b * length / average))}, the length being
   * the title's words (times their weight) plus the body's, as the combined fields count them.
   */
  private static final class OneOccurrence extends DoubleValuesSource {
    private final double weight;
    private final float k1;
    private final float b;
    private final float titleWeight;
    private final double average;

    OneOccurrence(double weight, float k1, float b, float titleWeight, double average) {
      this.weight = weight;
      this.k1 = k1;
      this.b = b;
      this.titleWeight = titleWeight;
      this.average = average;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      NumericDocValues title = ctx.reader().getNormValues(dev.newsindex.schema.NewsSchema.TITLE);
      NumericDocValues body = ctx.reader().getNormValues(dev.newsindex.schema.NewsSchema.BODY);
      return new DoubleValues() {
        private double value;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          double length = titleWeight * length(title, doc) + length(body, doc);
          value = weight / (1 + k1 * (1 - b + b * length / average));
          return true;
        }
      };
    }

    /** The number of words BM25's norm records for {@code doc}, 0 when it has none. */
    private static int length(NumericDocValues norms, int doc) throws IOException {
      return norms != null && norms.advanceExact(doc)
          ? SmallFloat.byte4ToInt((byte) norms.longValue()) : 0;
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return true;
    }

    @Override
    public String toString() {
      return "oneOccurrence(" + weight + ")";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OneOccurrence other && weight == other.weight && k1 == other.k1
          && b == other.b && titleWeight == other.titleWeight && average == other.average;
    }

    @Override
    public int hashCode() {
      return Objects.hash(weight, k1, b, titleWeight, average);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    // Only the alias is in the text; the typed words are here for their statistics.
    alias.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "alias(" + alias.toString(field) + " as " + typed.toString(field) + ")^" + weight;
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && alias.equals(((AliasQuery) other).alias)
        && typed.equals(((AliasQuery) other).typed) && weight == ((AliasQuery) other).weight
        && titleWeight == ((AliasQuery) other).titleWeight;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), alias, typed, weight, titleWeight);
  }
}
