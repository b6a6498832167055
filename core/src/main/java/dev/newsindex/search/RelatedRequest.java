package dev.newsindex.search;

import dev.newsindex.InvalidRequestException;
import java.util.Objects;

/**
 * A request for articles related to one in the index.
 *
 * @param id the article's id
 * @param limit how many related articles, 1 to 100
 * @param passages highlighted body passages per hit, 0 to 10
 * @param nearDate whether articles dated near the article rank higher (a bonus that halves at
 *     {@value #NEAR_DAYS} days apart)
 */
public record RelatedRequest(String id, int limit, int passages, boolean nearDate) {
  /** Days apart at which the near-date bonus is half of its full weight. */
  public static final long NEAR_DAYS = 30;

  /** Checks the parts. */
  public RelatedRequest {
    Objects.requireNonNull(id, "id");
    if (limit < 1 || limit > 100) {
      throw new InvalidRequestException("limit must be between 1 and 100, not " + limit);
    }
    if (passages < 0 || passages > 10) {
      throw new InvalidRequestException("passages must be between 0 and 10, not " + passages);
    }
  }

  /**
   * The 10 articles most like {@code id}, with one passage each.
   *
   * @param id the id of the article to find related ones for
   * @return a request for 10 related articles, one passage each, without the near-date bonus
   */
  public static RelatedRequest of(String id) {
    return new RelatedRequest(id, 10, 1, false);
  }
}
