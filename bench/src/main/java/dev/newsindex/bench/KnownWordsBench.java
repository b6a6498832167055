package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.analysis.EnglishWords;
import dev.newsindex.analysis.SpellingAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The lookup indexing makes for every word of every article, "is this an ordinary English word?",
 * two ways: {@link EnglishWords#containsHash} (the word hashed while it is lower-cased, one probe
 * of a table of 64-bit hashes) against Lucene's {@link CharArraySet} of the same words. Every word
 * of the corpora's articles as the spelling analyzer makes them, letters only, three or more;
 * interleaved rounds in one run, CPU time of one thread, best round of each. Run: {@code bench/run
 * KnownWordsBench [--corpora DIR] [--rounds N] [--markdown FILE]} (default {@code
 * ../shared/corpora}, 7 rounds).
 */
public final class KnownWordsBench {
  private KnownWordsBench() {}

  /** Prints nanoseconds per word both ways and their ratio. */
  public static void main(String[] args) throws IOException {
    BenchReport.Options options = BenchReport.Options.parse(args, "KnownWordsBench", 7);
    Path corpora = options.corpora();
    int rounds = options.rounds();
    Path markdown = options.markdown();
    List<char[]> words = words(corpora);
    CharArraySet set = englishWords();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
    long[] known = new long[2];
    for (int r = 0; r <= rounds; r++) { // round 0 warms up
      for (int v = 0; v < 2; v++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        known[v] = v == 0 ? byHash(words) : bySet(words, set);
        long t = cpu.getCurrentThreadCpuTime() - t0;
        if (r > 0) {
          best[v] = Math.min(best[v], t);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %,d words (%,d known), best of %d interleaved rounds, CPU"
        + " time of one thread, Java %s%n", corpora, words.size(), known[0], rounds,
        Runtime.version());
    System.out.printf(Locale.ROOT, "hash table     %6.1f ns/word%n", best[0] / (double) words.size());
    System.out.printf(Locale.ROOT, "CharArraySet   %6.1f ns/word  x%.2f of the table%n",
        best[1] / (double) words.size(), (double) best[1] / best[0]);
    if (known[0] != known[1]) {
      System.out.printf(Locale.ROOT, "(the set knows %,d words)%n", known[1]);
    }
    if (markdown != null) {
      double n = words.size();
      BenchReport.write(markdown, "KnownWordsBench: is this an ordinary English word?",
          String.format(Locale.ROOT, "%,d words (%,d known) of %s", words.size(), known[0],
              BenchReport.corpusNames(corpora)),
          "bench/run KnownWordsBench --corpora DIR --rounds " + rounds
              + " --markdown " + markdown,
          "CPU time per word of one thread, best of " + rounds + " interleaved rounds: the"
              + " lookup indexing makes for every word of every article.",
          List.of("lookup", "ns per word", "time / table"),
          List.of(List.of("EnglishWords hash table", String.format(Locale.ROOT, "%.1f",
              best[0] / n), "1.00"),
              List.of("Lucene CharArraySet", String.format(Locale.ROOT, "%.1f", best[1] / n),
                  String.format(Locale.ROOT, "%.2f", (double) best[1] / best[0]))));
    }
  }

  /** As indexing does it: hashed while read, then one probe. */
  private static long byHash(List<char[]> words) {
    long n = 0;
    for (char[] w : words) {
      long h = EnglishWords.FNV_BASIS;
      for (char c : w) {
        h = (h ^ c) * EnglishWords.FNV_PRIME;
      }
      if (EnglishWords.containsHash(EnglishWords.finish(h))) {
        n++;
      }
    }
    return n;
  }

  private static long bySet(List<char[]> words, CharArraySet set) {
    long n = 0;
    for (char[] w : words) {
      if (set.contains(w, 0, w.length)) {
        n++;
      }
    }
    return n;
  }

  /** The bundled list and Lucene's stop words as a {@link CharArraySet}. */
  static CharArraySet englishWords() {
    try (InputStream in = EnglishWords.class.getResourceAsStream("english-words.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
      CharArraySet set = new CharArraySet(lines.length + 200, false);
      for (String w : lines) {
        set.add(w);
      }
      set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      return set;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<char[]> words(Path corpora) throws IOException {
    List<char[]> words = new ArrayList<>();
    try (Analyzer spelling = new SpellingAnalyzer()) {
      for (Article a : BenchReport.articles(corpora)) {
        for (String text : List.of(a.title(), a.body())) {
          try (TokenStream ts = spelling.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
              String w = term.toString();
              if (w.length() >= EnglishWords.MIN_LENGTH
                  && w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                words.add(w.toCharArray());
              }
            }
            ts.end();
          }
        }
      }
    }
    return words;
  }
}
