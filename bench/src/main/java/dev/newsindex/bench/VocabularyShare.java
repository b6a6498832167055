package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.analysis.SpellingAnalyzer;
import dev.newsindex.analysis.WordTap;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How much of each article's vocabulary the index keeps for did-you-mean: for every {@code
 * docs.jsonl} under {@code --corpora DIR} (default {@code ../shared/corpora}), the distinct words
 * of title and body as the spelling analyzer finds them, and how many of them the vocabulary field
 * gets ({@link WordTap#words()}: not an ordinary English word, three letters or more, no digits).
 * Run: {@code bench/run VocabularyShare}.
 */
public final class VocabularyShare {
  private VocabularyShare() {}

  /** Prints one line per corpus. */
  public static void main(String[] args) throws IOException {
    Path corpora = Path.of(args.length == 2 && args[0].equals("--corpora") ? args[1]
        : "../shared/corpora");
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpora)) {
      files = s.filter(p -> p.getFileName().toString().equals("docs.jsonl")).sorted().toList();
    }
    System.out.println("corpus                       articles  distinct words/article  kept/article"
        + "  known share");
    try (Analyzer spelling = new SpellingAnalyzer()) {
      for (Path file : files) {
        long[] totals = new long[3]; // articles, distinct words, kept words
        Ingest.readFile(file, new ArticleHandler() {
          @Override
          public void article(Article a, Origin origin) {
            Set<String> all = new HashSet<>();
            Set<String> kept = new HashSet<>();
            for (String text : List.of(a.title(), a.body())) {
              terms(spelling.tokenStream("", text), all);
              terms(new WordTap(text).words(), kept); // never attached: it analyses itself
            }
            totals[0]++;
            totals[1] += all.size();
            totals[2] += kept.size();
          }

          @Override
          public void rejected(Origin origin, String reason) {}
        });
        System.out.printf(Locale.ROOT, "%-28s %,9d %23.1f %13.1f %12.3f%n",
            corpora.relativize(file), totals[0], totals[1] / (double) totals[0],
            totals[2] / (double) totals[0], 1 - totals[2] / (double) totals[1]);
      }
    }
  }

  private static void terms(TokenStream ts, Set<String> out) {
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
