package dev.newsindex.cli;

import dev.newsindex.IndexSettings;
import dev.newsindex.Stemmer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Analysis and ranking settings of {@code index}: recorded in the index, so that searches use them
 * with no options. Given on an existing index, they change only what acts at query time.
 */
final class AnalysisOptions {
  @Option(names = "--stemmer", paramLabel = "NAME",
      description = "Stemmer of a new index: porter (default), kstem, minimal or none. Fixed"
          + " once the index exists.")
  String stemmer;

  @Option(names = "--synonyms", paramLabel = "FILE",
      description = "Your synonym rules (Solr format: 'a, b, c' or 'a => b' per line), added to"
          + " the bundled entity aliases at query time and stored in the index.")
  Path synonyms;

  @Option(names = "--no-bundled-synonyms", negatable = true, defaultValue = "true",
      description = "Do not expand the bundled entity aliases (DPRK = North Korea, ...) in queries.")
  Boolean bundledSynonyms;

  @Option(names = "--bm25", paramLabel = "K1,B", split = ",",
      description = "BM25 parameters k1 and b (default: "
          + IndexSettings.DEFAULT_K1 + "," + IndexSettings.DEFAULT_B + ").")
  float[] bm25;

  /** Whether any option was given. */
  boolean given() {
    return stemmer != null || synonyms != null || !bundledSynonyms || bm25 != null;
  }

  /** {@code base} with the options given applied. */
  IndexSettings apply(IndexSettings base) throws IOException {
    IndexSettings s = base;
    if (stemmer != null) {
      s = s.withStemmer(Stemmer.parse(stemmer));
    }
    if (synonyms != null) {
      if (!Files.isRegularFile(synonyms)) {
        throw new IllegalArgumentException("no such synonyms file: " + synonyms);
      }
      try {
        s = s.withSynonyms(Files.readString(synonyms, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(synonyms + ": " + e.getMessage(), e);
      }
    }
    if (!bundledSynonyms) {
      s = s.withBundledSynonyms(false);
    }
    if (bm25 != null) {
      if (bm25.length != 2) {
        throw new IllegalArgumentException("--bm25 takes two numbers, K1,B (e.g. 1.2,0.75)");
      }
      s = s.withBm25(bm25[0], bm25[1]);
    }
    return s;
  }
}
