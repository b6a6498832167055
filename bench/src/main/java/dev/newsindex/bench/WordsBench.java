package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.analysis.EnglishWords;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * What the spelling vocabulary costs indexing's analysis, by how it is made: the CPU time of
 * analysing every tokenized field of each article's document as the index writer would, single
 * threaded, interleaved rounds in one run, best round of each:
 *
 * <ul>
 *   <li><b>tap</b>: the schema's documents as they are ({@code NewsSchema.toDocument}): the words
 *       are taken from the title and body analysis ({@code WordTap});
 *   <li><b>reanalyse</b>: the same documents with the words made by a second analysis of title
 *       and body from Lucene's parts (standard tokenizer, possessive, lower case, ASCII folding, a
 *       letters-only filter, and {@code StopFilter} with the English word list), the title and
 *       body analysed without the tap;
 *   <li><b>no words</b>: title and body only: the floor.
 * </ul>
 *
 * <p>Run: {@code bench/run WordsBench [--corpora DIR] [--rounds N] [--markdown FILE]} (default
 * {@code ../shared/corpora}, 5 rounds); {@code --markdown docs/benchmarks/WordsBench.md} writes the
 * page.
 */
public final class WordsBench {
  private WordsBench() {}

  private static final org.apache.lucene.analysis.CharArraySet ENGLISH =
      KnownWordsBench.englishWords();

  /** Prints CPU milliseconds per variant and the ratios to the tap. */
  public static void main(String[] args) throws IOException {
    BenchReport.Options options = BenchReport.Options.parse(args, "WordsBench", 5);
    Path corpora = options.corpora();
    int rounds = options.rounds();
    Path markdown = options.markdown();
    List<Article> articles = BenchReport.articles(corpora);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Analyzer schema = NewsSchema.analyzer();
    Analyzer words = new Reanalysis();
    String[] names = {"tap", "reanalyse", "no words"};
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    long[] tokens = new long[3];
    for (int r = 0; r < rounds + 1; r++) { // round 0 warms up
      for (int v = 0; v < 3; v++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        tokens[v] = run(v, articles, schema, words);
        long t = cpu.getCurrentThreadCpuTime() - t0;
        if (r > 0) {
          best[v] = Math.min(best[v], t);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %,d articles, best of %d interleaved rounds, CPU time of"
        + " one thread, Java %s%n", corpora, articles.size(), rounds, Runtime.version());
    List<List<String>> rows = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      System.out.printf(Locale.ROOT, "%-10s %8.0f ms  %,12d tokens  x%.3f of tap%n", names[v],
          best[v] / 1e6, tokens[v], (double) best[v] / best[0]);
      rows.add(List.of(names[v], String.format(Locale.ROOT, "%.0f", best[v] / 1e6),
          String.format(Locale.ROOT, "%,d", tokens[v]),
          String.format(Locale.ROOT, "%.2f", (double) best[v] / best[0]),
          String.format(Locale.ROOT, "%.0f", (best[v] - best[2]) / 1e6)));
    }
    if (markdown != null) {
      BenchReport.write(markdown, "WordsBench: what the spelling vocabulary costs analysis",
          String.format(Locale.ROOT, "%,d articles of %s", articles.size(),
              BenchReport.corpusNames(corpora)),
          "bench/run WordsBench --corpora DIR --rounds " + rounds + " --markdown "
              + markdown,
          "CPU time of one thread analysing every indexed field of each article's document, best"
              + " of " + rounds + " interleaved rounds. tap: the schema's documents (the words"
              + " taken from the title and body analysis); reanalyse: the words from a second"
              + " analysis of title and body with Lucene's filters; no words: title and body"
              + " only.",
          List.of("variant", "CPU ms", "tokens", "time / tap", "ms over no words"), rows);
    }
  }

  private static long run(int variant, List<Article> articles, Analyzer schema, Analyzer words)
      throws IOException {
    long tokens = 0;
    for (Article a : articles) {
      Document doc = NewsSchema.toDocument(a);
      for (IndexableField f : doc) {
        if (!f.fieldType().tokenized()
            || f.fieldType().indexOptions() == org.apache.lucene.index.IndexOptions.NONE) {
          continue;
        }
        boolean isWords = f.name().equals(NewsSchema.WORDS);
        if (variant == 0) {
          tokens += consume(f.tokenStream(schema, null));
        } else if (!isWords) {
          // Not through the field: its tap is not attached, so the chain copies nothing.
          tokens += consume(schema.tokenStream(f.name(), f.stringValue()));
        }
      }
      if (variant == 1) {
        tokens += consume(words.tokenStream(NewsSchema.WORDS, a.title()));
        tokens += consume(words.tokenStream(NewsSchema.WORDS, a.body()));
      }
    }
    return tokens;
  }

  private static long consume(TokenStream ts) throws IOException {
    long n = 0;
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() >= 0) {
          n++;
        }
      }
      ts.end();
    }
    return n;
  }

  /** The vocabulary made by analysing the text a second time, from Lucene's parts. */
  private static final class Reanalysis extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new ASCIIFoldingFilter(result);
      result = new LettersOnly(result);
      result = new StopFilter(result, ENGLISH);
      return new TokenStreamComponents(source, result);
    }
  }

  /** Keeps words of letters only, three or more. */
  private static final class LettersOnly extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LettersOnly(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      if (term.length() < EnglishWords.MIN_LENGTH) {
        return false;
      }
      char[] b = term.buffer();
      for (int i = 0; i < term.length(); i++) {
        if (!Character.isLetter(b[i])) {
          return false;
        }
      }
      return true;
    }
  }
}
