package dev.newsindex.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are when the user does not say: the newsindex home (the launcher passes it as the
 * {@code newsindex.home} system property; otherwise the working directory), its bundled articles,
 * and the default index ({@code NEWSINDEX_INDEX} overrides it).
 */
record Defaults(Path home, Path index, Path articles) {

  /** The defaults for this process. */
  static Defaults fromEnvironment() {
    return from(System.getProperty("newsindex.home"), System.getenv());
  }

  static Defaults from(String homeProperty, Map<String, String> env) {
    Path home = Path.of(homeProperty != null ? homeProperty : "").toAbsolutePath().normalize();
    String indexVar = env.get("NEWSINDEX_INDEX");
    Path index = indexVar != null && !indexVar.isBlank() ? Path.of(indexVar)
        : home.resolve("index-data").resolve("index");
    return new Defaults(home, index, home.resolve("index-data").resolve("articles"));
  }

  /**
   * Whether {@code dir} is the index under the newsindex home, whose input the bundled articles
   * are; any other index (one named with --index or NEWSINDEX_INDEX) is never fed them unasked.
   */
  boolean isBundledIndex(Path dir) {
    return dir.toAbsolutePath().normalize()
        .equals(home.resolve("index-data").resolve("index").toAbsolutePath().normalize());
  }

  /** {@code path} relative to the working directory when it lies below it: shorter messages. */
  static String display(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString()
        : abs.toString();
  }
}
