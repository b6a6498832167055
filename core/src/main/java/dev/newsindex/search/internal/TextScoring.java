package dev.newsindex.search.internal;

import dev.newsindex.schema.NewsSchema;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * How a word of a query scores over an article's headline and body.
 *
 * <p>Each word is scored over the two fields as one (BM25F, Lucene's {@code CombinedFieldQuery}:
 * one document frequency, one saturation, a headline word counting {@code titleWeight} body
 * words, the length normalised once, with the index's {@code b}), plus, when {@code titleBonus}
 * is above 0, the headline on its own as its own BM25 field (its own length normalisation, with
 * {@code titleB}), times {@code titleBonus}: in news the headline is the strongest signal, and a
 * headline that is the query should not lose to a long story that repeats its words. An article
 * without a headline (a title derived from the body is not indexed as one) simply gets no bonus.
 *
 * <p>{@link #DEFAULT} is what every search uses; the parts were chosen with {@code bench/run
 * RelevanceReport} (tuned on one judged collection, reported on the others); other values exist
 * for that report.
 *
 * @param titleWeight what a headline word counts in the combined field, 1 or more
 * @param titleBonus the weight of the headline scored on its own; 0 for none
 * @param titleB BM25 length normalisation of the headline on its own, 0 to 1
 */
public record TextScoring(float titleWeight, float titleBonus, float titleB) {
  /** The scoring of every search. */
  public static final TextScoring DEFAULT = new TextScoring(2.0f, 0.0f, 0.75f);

  /** Checks the parts. */
  public TextScoring {
    if (!(titleWeight >= 1) || Float.isInfinite(titleWeight)) {
      throw new IllegalArgumentException("title weight must be 1 or more, not " + titleWeight);
    }
    if (!(titleBonus >= 0) || Float.isInfinite(titleBonus)) {
      throw new IllegalArgumentException("title bonus must be 0 or more, not " + titleBonus);
    }
    if (!(titleB >= 0 && titleB <= 1)) {
      throw new IllegalArgumentException("title b must be between 0 and 1, not " + titleB);
    }
  }

  /**
   * The similarity searches rank with: BM25 with {@code k1} and {@code b}, but for the headline
   * scored on its own, whose length normalisation is {@link #titleB}. (Norms are BM25's in every
   * field, so indexing needs no other similarity; the combined fields score with {@code b}.)
   */
  public Similarity similarity(float k1, float b) {
    BM25Similarity main = new BM25Similarity(k1, b);
    if (titleBonus == 0 || titleB == b) {
      return main;
    }
    BM25Similarity title = new BM25Similarity(k1, titleB);
    return new PerFieldSimilarityWrapper() {
      @Override
      public Similarity get(String field) {
        return NewsSchema.isTitleField(field) ? title : main;
      }
    };
  }

  /** The BM25 of the body (and of the combined fields) in {@code similarity}, else defaults. */
  static BM25Similarity bodyBm25(Similarity similarity) {
    Similarity s = similarity instanceof PerFieldSimilarityWrapper pf ? pf.get(NewsSchema.BODY)
        : similarity;
    return s instanceof BM25Similarity bm ? bm : new BM25Similarity();
  }
}
