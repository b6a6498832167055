package dev.newsindex.testing;

import dev.newsindex.Article;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What many tests need: articles made in one line, the ids of a result, and fixture files found on
 * the class path (this module's test resources, or the core test jar another module's tests depend
 * on) rather than by a path relative to where the build runs.
 */
public final class Fixtures {
  /** The date of every {@link #article}. */
  public static final LocalDate DATE = LocalDate.of(2024, 1, 2);
  /** The source of every {@link #article}. */
  public static final String SOURCE = "Test Wire";
  /** The search fixture: ten articles with known dates and sources, one story republished twice. */
  public static final String SEARCH_FIXTURE = "/dev/newsindex/search/fixture.jsonl";

  private Fixtures() {}

  /** An article dated {@link #DATE} from {@link #SOURCE}, without a URL. */
  public static Article article(String id, String title, String body) {
    return new Article(id, title, DATE, SOURCE, "", body);
  }

  /** The ids of the hits of {@code result}, in rank order. */
  public static List<String> ids(SearchResult result) {
    return result.hits().stream().map(h -> h.article().id()).toList();
  }

  /** The ids of the hits of {@code result}, sorted: for when the order does not matter. */
  public static Set<String> idSet(SearchResult result) {
    return new TreeSet<>(ids(result));
  }

  /**
   * The class-path resource {@code name} (absolute, e.g. {@value #SEARCH_FIXTURE}) as a file: the
   * file itself when the resource is one, else (inside a jar) a copy in a temporary file deleted
   * when the JVM exits.
   */
  public static Path resource(String name) {
    URL url = Fixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name + " on the class path");
    }
    try {
      if (url.getProtocol().equals("file")) {
        return Path.of(url.toURI());
      }
      String file = name.substring(name.lastIndexOf('/') + 1);
      Path copy = Files.createTempFile("fixture-", "-" + file);
      copy.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
