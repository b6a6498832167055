package dev.newsindex.bench;

import dev.newsindex.Article;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic news corpus of any size: the same seed and count always give the same
 * articles. Words follow a Zipf-like distribution over a generated vocabulary (plus a few hundred
 * real news words so queries mean something), titles are 5-12 words, bodies 3-6 paragraphs of
 * 150-500 words in all, dates spread over 2000-2024, sources among 40 outlets. About 2% of articles
 * are near-copies of an earlier one (a wire story republished with edits).
 *
 * <p>Run as {@code bench/run SyntheticCorpus --count N --out FILE.jsonl [--seed S]} to write JSON
 * Lines, or use {@link #articles} from a benchmark.
 */
public final class SyntheticCorpus {
  /** Real words that queries in the benchmarks use; they appear with realistic frequencies. */
  static final String[] NEWS_WORDS = (
      "government minister president election vote party parliament economy market markets"
      + " inflation rates bank central federal reserve oil gas prices energy climate weather storm"
      + " flood drought police court trial judge law security military army defense missile"
      + " nuclear korea north south china japan russia ukraine europe union britain france"
      + " germany india brazil africa united states trade tariff export import growth recession"
      + " jobs unemployment wages strike union company shares profit loss quarter report"
      + " technology software chip ai artificial intelligence data privacy hack cyber health"
      + " hospital vaccine virus disease doctors patients school students teachers university"
      + " football match team league cup final season coach player goal win lost record"
      + " deterrence strategy talks summit agreement treaty sanctions crisis peace war ceasefire"
      + " refugees aid humanitarian protest police arrested killed injured fire earthquake").split(" ");

  static final String[] SOURCES = new String[40];

  static {
    for (int i = 0; i < SOURCES.length; i++) {
      SOURCES[i] = "Outlet " + (char) ('A' + i % 26) + (i / 26 == 0 ? "" : "" + (i / 26 + 1));
    }
  }

  private static final int VOCABULARY = 50_000;
  private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
  private static final int DAYS = (int) (LocalDate.of(2024, 12, 31).toEpochDay()
      - FIRST_DAY.toEpochDay());

  private SyntheticCorpus() {}

  /** {@code count} articles from {@code seed}, generated lazily in order. */
  public static Iterable<Article> articles(long count, long seed) {
    return () -> new Iterator<>() {
      private final SplittableRandom random = new SplittableRandom(seed);
      private long next;
      private Article previous;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Article next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Article a = previous != null && random.nextInt(50) == 0
            ? nearCopy(previous, next, random) : article(next, random);
        next++;
        previous = a;
        return a;
      }
    };
  }

  private static Article article(long n, SplittableRandom r) {
    String title = capitalise(words(r, 5 + r.nextInt(8)));
    int paragraphs = 3 + r.nextInt(4);
    int total = 150 + r.nextInt(351);
    StringBuilder body = new StringBuilder(total * 8);
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        body.append("\n\n");
      }
      int inParagraph = total / paragraphs;
      int written = 0;
      while (written < inParagraph) {
        int sentence = Math.min(8 + r.nextInt(18), inParagraph - written);
        body.append(capitalise(words(r, Math.max(sentence, 1)))).append(". ");
        written += Math.max(sentence, 1);
      }
      body.setLength(body.length() - 1);
    }
    LocalDate date = FIRST_DAY.plusDays(r.nextInt(DAYS));
    String source = SOURCES[zipf(r, SOURCES.length)];
    String id = "syn-" + n;
    return new Article(id, title, date, source, "https://example.org/" + id, body.toString());
  }

  /** A republished copy: same story, new id, a rewritten headline start and trimmed ending. */
  private static Article nearCopy(Article a, long n, SplittableRandom r) {
    String body = a.body();
    int cut = body.lastIndexOf(". ", (int) (body.length() * 0.9));
    String trimmed = cut > 0 ? body.substring(0, cut + 1) : body;
    return new Article("syn-" + n, "Update: " + a.title(), a.date(),
        SOURCES[r.nextInt(SOURCES.length)], "https://example.org/syn-" + n,
        trimmed + "\n\nThis story was first published by " + a.source() + ".");
  }

  private static String words(SplittableRandom r, int count) {
    StringBuilder sb = new StringBuilder(count * 8);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(word(r));
    }
    return sb.toString();
  }

  private static String word(SplittableRandom r) {
    if (r.nextInt(8) == 0) {
      return NEWS_WORDS[zipf(r, NEWS_WORDS.length)];
    }
    return synthetic(zipf(r, VOCABULARY));
  }

  /** An approximately Zipf-distributed rank in [0, n): small ranks are much more frequent. */
  private static int zipf(SplittableRandom r, int n) {
    double u = r.nextDouble();
    return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1.0, u) - 1));
  }

  /** A pronounceable word for a vocabulary rank, the same for the same rank. */
  static String synthetic(int rank) {
    final String consonants = "bcdfghklmnprstvz";
    final String vowels = "aeiou";
    StringBuilder sb = new StringBuilder();
    int x = rank + 1;
    do {
      sb.append(consonants.charAt(x % consonants.length()));
      x /= consonants.length();
      sb.append(vowels.charAt(x % vowels.length()));
      x /= vowels.length();
    } while (x > 0);
    return sb.toString();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Writes the corpus as JSON Lines: {@code --count N --out FILE [--seed S]}. */
  public static void main(String[] args) throws IOException {
    long count = 1000;
    long seed = 42;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--count" -> count = Long.parseLong(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("usage: SyntheticCorpus --count N --out FILE [--seed S]");
    }
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
        StandardCharsets.UTF_8), 1 << 16)) {
      for (Article a : articles(count, seed)) {
        w.write("{\"id\":\"" + a.id() + "\",\"title\":\"" + a.title() + "\",\"date\":\""
            + a.date() + "\",\"source\":\"" + a.source() + "\",\"url\":\"" + a.url()
            + "\",\"body\":\"" + a.body().replace("\n", "\\n") + "\"}\n");
      }
    }
  }
}
