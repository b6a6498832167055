package dev.newsindex.search;

import dev.newsindex.Article;
import java.util.List;

/**
 * Articles whose bodies are near-copies of each other (estimated resemblance of word 3-shingles at
 * or above the threshold, joined transitively), earliest first: usually the original wire story
 * and its republications.
 *
 * @param articles the articles, by date then id (undated last)
 */
public record DuplicateGroup(List<Article> articles) {
  /** Copies the list. */
  public DuplicateGroup {
    articles = List.copyOf(articles);
  }
}
