package dev.newsindex;

import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


/**
 * Indexes every corpus in {@code ../../shared/corpora} and checks the counts against what its
 * {@code SOURCE.md} says: the article total on its "What:" line, less the stories it says have no
 * text ("N have no body text"), which are reported as skipped. A corpus that also comes as TREC SGML
 * (gzipped) is read in that form too and must give the same articles.
 */
class SharedCorporaTest {
  static final Path CORPORA = Path.of("..", "..", "shared", "corpora");
  static final Pattern TOTAL = Pattern.compile("- What: (?:[^0-9]*?)(\\d[\\d,]*)");
  static final Pattern EMPTY = Pattern.compile("(\\d[\\d,]*) have no body text");

  @TempDir Path tmp;

  static long number(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  @Test
  void everyCorpusIndexesToTheCountsItsSourceStates() throws IOException {
    assumeTrue(Files.isDirectory(CORPORA), "no shared corpora at " + CORPORA.toAbsolutePath()
        + " (they sit beside the repository in ../shared/corpora): skipped");
    List<Path> corpora;
    try (Stream<Path> dirs = Files.list(CORPORA)) {
      corpora = dirs.filter(d -> Files.exists(d.resolve("SOURCE.md"))).sorted().toList();
    }
    assumeTrue(!corpora.isEmpty(), "no corpus with a SOURCE.md under " + CORPORA);
    List<String> checked = new ArrayList<>();
    for (Path corpus : corpora) {
      String source = Files.readString(corpus.resolve("SOURCE.md"));
      Matcher total = TOTAL.matcher(source);
      assertTrue(total.find(), corpus + "/SOURCE.md states no article count");
      long articles = number(total.group(1));
      Matcher empty = EMPTY.matcher(source);
      long withoutText = empty.find() ? number(empty.group(1)) : 0;
      List<Path> files;
      try (Stream<Path> list = Files.list(corpus)) {
        files = list.filter(f -> {
          String n = f.getFileName().toString();
          return n.equals("docs.jsonl") || n.endsWith(".sgml.gz") || n.endsWith(".sgml");
        }).sorted().toList();
      }
      assertTrue(!files.isEmpty(), corpus + " has no docs.jsonl or .sgml file");
      // The first form (docs.jsonl) is indexed; other forms of the same stories (TREC SGML) are
      // read and must give the same articles, by id, and the same skips.
      Set<String> indexedIds = null;
      for (Path file : files) {
        String what = corpus.getFileName() + "/" + file.getFileName();
        Set<String> ids = new HashSet<>();
        long[] skipped = {0};
        if (indexedIds == null) {
          Path index = tmp.resolve(corpus.getFileName().toString());
          try (NewsIndex news = NewsIndex.openOrCreate(index)) {
            IngestSummary s = news.ingest(List.of(file), new IngestListener() {
              @Override
              public void written(Origin origin, String id, IndexOutcome outcome) {
                ids.add(id);
              }
            });
            assertEquals(articles - withoutText, s.indexed(), what + ": indexed");
            assertEquals(withoutText, s.skipped(), what + ": skipped (no text)");
            assertEquals(0, s.updated() + s.unchanged(), what + ": ids are unique");
            assertEquals(articles - withoutText, news.size(), what);
            assertEquals(articles - withoutText, news.stats().articles(), what);
          }
          indexedIds = ids;
        } else {
          Ingest.read(List.of(file), new ArticleHandler() {
            @Override
            public void article(Article article, Origin origin) {
              ids.add(article.id());
            }

            @Override
            public void rejected(Origin origin, String reason) {
              skipped[0]++;
            }
          });
          assertEquals(withoutText, skipped[0], what + ": skipped (no text)");
          assertEquals(indexedIds, ids, what + ": the same articles as the indexed form");
        }
        checked.add(what + ": " + ids.size());
      }
    }
    assertTrue(checked.size() >= corpora.size(), checked.toString());
  }
}
