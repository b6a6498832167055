package dev.newsindex.search;

import dev.newsindex.Article;
import java.util.List;

/**
 * One ranked search hit.
 *
 * @param rank 1-based position in the ranking
 * @param score the BM25 score
 * @param article the stored article
 * @param title the whole title, with its matches
 * @param passages up to the requested number of body passages, best first in text order; when no
 *     body word matched, the opening of the body without matches
 */
public record Hit(int rank, float score, Article article, Snippet title, List<Snippet> passages) {
  /** Copies the passages. */
  public Hit {
    passages = List.copyOf(passages);
  }
}
