package dev.newsindex.search.internal;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query that scores and matches as the query it wraps but shows the highlighter no terms: for the
 * scoring half of a phrase whose matching half (the phrase itself) is what should be marked.
 */
final class UnhighlightedQuery extends Query {
  private final Query in;

  UnhighlightedQuery(Query in) {
    this.in = Objects.requireNonNull(in);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? this : new UnhighlightedQuery(rewritten);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight weight = in.createWeight(searcher, scoreMode, boost);
    return new FilterWeight(this, weight) {
      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        // The highlighter asks the Matches API for positions: report a match without any.
        return in.matches(context, doc) == null ? null : MatchesUtils.MATCH_WITH_NO_TERMS;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "scored(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && in.equals(((UnhighlightedQuery) other).in);
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + in.hashCode();
  }
}
