package dev.newsindex.search;

import dev.newsindex.Article;
import java.util.List;

/**
 * One ranked search hit.
 *
 * @param rank 1-based position in the whole ranking (an offset or cursor continues the count)
 * @param score the BM25 score; {@code NaN} when hits were sorted by date
 * @param article the stored article
 * @param title the whole title, with its matches
 * @param passages up to the requested number of body passages, best first in text order; when no
 *     body word matched, the opening of the body without matches
 * @param duplicateIds with {@link SearchRequest#collapse}, the ids of the near-duplicates of this
 *     article that were folded into it, best first; otherwise empty
 * @param explanation with {@link SearchRequest#explain}, how the score was computed; otherwise null
 */
public record Hit(int rank, float score, Article article, Snippet title, List<Snippet> passages,
    List<String> duplicateIds, String explanation) {
  /** Copies the lists. */
  public Hit {
    passages = List.copyOf(passages);
    duplicateIds = List.copyOf(duplicateIds);
  }

  /**
   * A hit without duplicates or explanation.
   *
   * @param rank 1-based position in the whole ranking
   * @param score the BM25 score; {@code NaN} when hits were sorted by date
   * @param article the stored article
   * @param title the whole title, with its matches
   * @param passages the body passages to show, best first in text order; copied
   */
  public Hit(int rank, float score, Article article, Snippet title, List<Snippet> passages) {
    this(rank, score, article, title, passages, List.of(), null);
  }

  /**
   * How many near-duplicates were folded into this hit.
   *
   * @return the size of {@link #duplicateIds()}; 0 unless the search collapsed duplicates
   */
  public int duplicates() {
    return duplicateIds.size();
  }
}
