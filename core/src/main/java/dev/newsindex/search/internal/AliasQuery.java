package dev.newsindex.search.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * An alias from a synonym rule ({@code north atlantic treaty organization} for a typed {@code
 * NATO}, {@code burma} for {@code Myanmar}), scored as one unit: an article that uses the alias,
 * in its title or body, however often, earns {@code weight} times what one occurrence of the
 * typed words earns in an article of average length, never the sum of the alias's own words.
 * So one passing mention of a long name cannot outrank an article that uses the words the user
 * typed, and a name of four words counts no more than a name of one.
 *
 * <p>The score is fixed when the query is rewritten against a searcher, from the typed words'
 * statistics (BM25: {@code idf / (1 + k1)} per typed word, the document frequency being the
 * larger of title's and body's, as for the combined fields); only the alias is matched and shown
 * to the highlighter.
 */
final class AliasQuery extends Query {
  private final Query alias;
  private final Query typed;
  private final float weight;

  /**
   * @param alias matches where the alias occurs
   * @param typed the words the user typed at the alias's place, for their statistics only
   * @param weight what the alias counts of one occurrence of the typed words, below 1
   */
  AliasQuery(Query alias, Query typed, float weight) {
    this.alias = Objects.requireNonNull(alias);
    this.typed = Objects.requireNonNull(typed);
    this.weight = weight;
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

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    float one = oneOccurrence(searcher, typed);
    if (one == 0) {
      one = oneOccurrence(searcher, alias) / termCount(alias); // the typed words are all unknown
    }
    return new BoostQuery(new ConstantScoreQuery(alias), weight * one);
  }

  /** What one occurrence of each distinct word of {@code q} earns at average length, summed. */
  private static float oneOccurrence(IndexSearcher searcher, Query q) throws IOException {
    float k1 = searcher.getSimilarity() instanceof BM25Similarity bm ? bm.getK1() : 1.2f;
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
      double idf = Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
      sum += (float) (idf / (1 + k1));
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
        && typed.equals(((AliasQuery) other).typed) && weight == ((AliasQuery) other).weight;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), alias, typed, weight);
  }
}
