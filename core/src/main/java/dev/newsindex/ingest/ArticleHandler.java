package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.IOException;

/** Receives what a reader finds: each good article, and each record it had to reject. */
public interface ArticleHandler {

  /**
   * A well-formed article read at {@code origin}. May fail when the handler writes it somewhere.
   *
   * @param article the article
   * @param origin where it was read
   * @throws IOException when handling it (e.g. writing it to an index) fails
   */
  void article(Article article, Origin origin) throws IOException;

  /**
   * A record (or whole file) at {@code origin} that could not be read; {@code reason} is one line.
   *
   * @param origin the file (and line) rejected
   * @param reason why, in one line
   */
  void rejected(Origin origin, String reason);

  /**
   * {@code count} more bytes of input were read (before decompression): for progress reports.
   *
   * @param count the bytes read since the last call, always positive
   */
  default void bytesRead(long count) {}
}
