package dev.newsindex.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsindex.analysis.NewsAnalyzer;
import dev.newsindex.Stemmer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analysis speed of {@link NewsAnalyzer} (each stemmer) against Lucene's {@link EnglishAnalyzer}
 * (the chain newsindex started from, minus folding), on the bodies of a JSON Lines corpus, measured
 * in one run and printed as ratios: {@code bench/run AnalyzerThroughput [--corpora DIR |
 * DOCS.jsonl]}, by default the Reuters-21578 bodies of {@code DIR/reuters21578/docs.jsonl} with
 * {@code DIR} the corpora beside the repository ({@code ../shared/corpora}). Writes {@code
 * docs/benchmarks/AnalyzerThroughput.md}.
 */
public final class AnalyzerThroughput {
  private static final java.util.logging.Logger LUCENE_LOGGER =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  private AnalyzerThroughput() {}

  /** Prints MB/s and tokens per analyzer, best of five rounds each, interleaved. */
  public static void main(String[] args) throws IOException {
    LUCENE_LOGGER.setLevel(java.util.logging.Level.OFF);
    String given = args.length == 0 ? "../shared/corpora" : args[args.length - 1];
    boolean dir = args.length == 0 || args[0].equals("--corpora");
    Path docs = dir ? Path.of(given, "reuters21578", "docs.jsonl") : Path.of(given);
    List<String> bodies = bodies(docs);
    long chars = bodies.stream().mapToLong(String::length).sum();
    String[] names = {"EnglishAnalyzer (Porter)", "NewsAnalyzer porter", "NewsAnalyzer kstem",
        "NewsAnalyzer minimal", "porter, no spelling, no guard"};
    // The last: the chain without the spelling fold and the Porter guard, to show what they cost.
    Analyzer[] analyzers = {new EnglishAnalyzer(), new NewsAnalyzer(Stemmer.PORTER),
        new NewsAnalyzer(Stemmer.KSTEM), new NewsAnalyzer(Stemmer.MINIMAL),
        new NewsAnalyzer(Stemmer.PORTER, new NewsAnalyzer.Variant(false,
            dev.newsindex.analysis.StemGuard.NONE))};
    long[] best = new long[analyzers.length];
    long[] tokens = new long[analyzers.length];
    java.util.Arrays.fill(best, Long.MAX_VALUE);
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < analyzers.length; i++) {
        long t0 = System.nanoTime();
        tokens[i] = run(analyzers[i], bodies);
        best[i] = Math.min(best[i], System.nanoTime() - t0);
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d bodies, %.1f MB of text; best of 5 rounds%n", docs,
        bodies.size(), chars / 1e6);
    BenchDoc doc = BenchDoc.create("AnalyzerThroughput", "Analysis speed of NewsAnalyzer with each"
        + " stemmer against Lucene's EnglishAnalyzer, on the same article bodies.", args);
    String what = String.format(Locale.ROOT, "%,d bodies, %.1f MB of text", bodies.size(),
        chars / 1e6);
    if (dir) {
      doc.corpus("CORPORA", args.length == 0 ? null : given,
          "the Reuters-21578 bodies (reuters21578/docs.jsonl), " + what);
    } else {
      doc.corpus("DOCS", given, "a JSON Lines file, " + what);
    }
    BenchDoc.Table table = doc.table("Throughput (best of 5 interleaved rounds)", "analyzer",
        "MB/s", "tokens", "time / EnglishAnalyzer's");
    for (int i = 0; i < analyzers.length; i++) {
      System.out.printf(Locale.ROOT, "%-26s %7.1f MB/s  %9d tokens  time x%.2f of EnglishAnalyzer%n",
          names[i], chars / 1e6 / (best[i] / 1e9), tokens[i], (double) best[i] / best[0]);
      table.row(names[i], String.format(Locale.ROOT, "%.1f", chars / 1e6 / (best[i] / 1e9)),
          String.format(Locale.ROOT, "%,d", tokens[i]),
          String.format(Locale.ROOT, "%.2f", (double) best[i] / best[0]));
    }
    doc.write();
  }

  private static long run(Analyzer a, List<String> bodies) throws IOException {
    long n = 0;
    for (String body : bodies) {
      try (TokenStream ts = a.tokenStream("body", body)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          n += term.length() > 0 ? 1 : 0;
        }
        ts.end();
      }
    }
    return n;
  }

  private static List<String> bodies(Path docs) throws IOException {
    List<String> out = new ArrayList<>();
    JsonFactory json = new JsonFactory();
    try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        try (JsonParser p = json.createParser(line)) {
          if (p.nextToken() != JsonToken.START_OBJECT) {
            continue;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
              p.skipChildren();
            } else if (name.equals("body")) {
              out.add(p.getValueAsString(""));
            }
          }
        }
      }
    }
    return out;
  }
}
