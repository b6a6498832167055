package dev.newsindex.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one news format into {@link dev.newsindex.Article} values. A reader never throws for bad
 * content: it reports each bad record to {@link ArticleHandler#rejected} and goes on with the next.
 * It throws only for I/O failures of the stream itself, or what the handler throws.
 */
public interface ArticleReader {

  /**
   * Reads every article in {@code in}, which holds the file named {@code name} (used in origins).
   * The caller closes the stream.
   *
   * @param name the file name, as origins should show it
   * @param in the file's content
   * @param handler receives each article and each rejected record
   * @throws IOException when reading the stream fails, or the handler throws it
   */
  void read(String name, InputStream in, ArticleHandler handler) throws IOException;
}
