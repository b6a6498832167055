package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.Compression;
import dev.newsindex.index.ArticleWriter;
import dev.newsindex.schema.LanguageDetection;
import dev.newsindex.schema.MinHash;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;

/**
 * What each step from the bare Lucene yardstick to newsindex costs in indexing CPU: the same
 * articles indexed on one thread by seven indexers, each one step more than the one before,
 * interleaved, round 1 dropped. Process CPU (merges included), per indexer the median of the rounds.
 *
 * <pre>
 * bench/run FeatureCost [--corpora DIR] [--only CORPUS] [--rounds N] [--work DIR]
 * </pre>
 *
 * <p>The steps: PeerBench's bare english indexer (EnglishAnalyzer, LZ4 stored fields); with
 * newsindex's DEFLATE stored fields; with newsindex's analysis chain; newsindex's own document
 * (title and body in their language's fields, content hash, labels) without the spelling
 * vocabulary and the near-duplicate signature; with the vocabulary (the word taps and their field);
 * with the signature (the whole {@link NewsSchema#toDocument}); and newsindex's writer path ({@link
 * ArticleWriter#upsert}: language detection, limits, content hash, unchanged lookup). The articles
 * are read once, before the rounds; their languages are detected once for the steps before the
 * last, which detects them itself.
 *
 * <p>{@link NewsSchema#toDocument} computes the signature whether or not its field is kept, so each
 * round also times {@link MinHash#of} alone over the articles, and that median is moved from the
 * steps that compute the signature without keeping it (newsindex's document, the vocabulary) to
 * the signature's step.
 */
public final class FeatureCost {
  private FeatureCost() {}

  private static final List<String> STEPS = List.of(
      "bare english (LZ4)",
      "+ DEFLATE stored fields",
      "+ news analysis chain",
      "+ newsindex's document",
      "+ spelling vocabulary",
      "+ near-duplicate signature",
      "+ writer path (language, hash, upsert)");

  /** Runs the steps and writes {@code docs/benchmarks/FeatureCost.md}. */
  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("org.apache.lucene").setLevel(java.util.logging.Level.OFF);
    Path corpora = Path.of("../shared/corpora");
    String only = "reuters21578";
    int rounds = 5;
    Path work = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("usage: bench/run FeatureCost [--corpora DIR]"
            + " [--only CORPUS] [--rounds N] [--work DIR]; unknown: " + args[i]);
      }
    }
    if (rounds < 2) {
      throw new IllegalArgumentException("--rounds must be at least 2 (round 1 is dropped)");
    }
    Path source = corpora.resolve(only).resolve("docs.jsonl");
    work = work != null ? Files.createDirectories(work) : Files.createTempDirectory("featurecost");
    List<Article> read = BenchReport.read(source);
    List<Article> detected = read.stream().map(LanguageDetection::withLanguage).toList();
    System.out.printf(Locale.ROOT, "%s: %,d articles%n", source, read.size());

    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    STEPS.forEach(s -> cpu.put(s, new ArrayList<>()));
    List<Double> signatures = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double start = PeerBench.cpuSeconds();
      long values = 0;
      for (Article a : detected) {
        int[] sig = MinHash.of(a.title(), a.body());
        values += sig == null ? 0 : sig[0];
      }
      if (r > 0) {
        signatures.add(PeerBench.cpuSeconds() - start);
      }
      if (values == 42) {
        System.out.print(""); // keeps the loop from being optimised away
      }
      for (int k = 0; k < STEPS.size(); k++) {
        // Each round starts at another step, so that no step always follows the same one.
        int step = (k + r) % STEPS.size();
        Path dir = work.resolve("step" + step);
        PeerBench.delete(dir);
        double before = PeerBench.cpuSeconds();
        index(step, step == STEPS.size() - 1 ? read : detected, dir);
        double took = PeerBench.cpuSeconds() - before;
        System.out.printf(Locale.ROOT, "  round %d %-40s %6.2f CPU s%n", r + 1, STEPS.get(step),
            took);
        if (r > 0) {
          cpu.get(STEPS.get(step)).add(took);
        }
        PeerBench.delete(dir);
      }
    }

    BenchDoc doc = BenchDoc.create("FeatureCost", "Indexing CPU of each step from the bare Lucene"
        + " yardstick to newsindex, one step more per row, on the same articles, one thread.", args);
    doc.corpus("CORPORA", corpora.toString(), "the docs.jsonl of " + only
        + String.format(Locale.ROOT, ", %,d articles (see [Corpora](../benchmarks.md#corpora))",
        read.size()));
    BenchDoc.Table table = doc.table(String.format(Locale.ROOT, "Medians of rounds 2-%d (round 1"
        + " dropped), one indexing thread, process CPU", rounds), "step", "CPU s",
        "articles/s CPU", "added CPU s", "CPU / bare english", "share of newsindex's CPU");
    double bare = median(cpu.get(STEPS.get(0)));
    double all = median(cpu.get(STEPS.get(STEPS.size() - 1)));
    double signature = median(signatures);
    double previous = Double.NaN;
    for (int i = 0; i < STEPS.size(); i++) {
      String step = STEPS.get(i);
      // Steps 3 and 4 compute the signature they do not keep: its time counts from step 5 on.
      double m = median(cpu.get(step)) - (i == 3 || i == 4 ? signature : 0);
      double added = Double.isNaN(previous) ? m : m - previous;
      table.row(step, f2(m), String.format(Locale.ROOT, "%,.0f", read.size() / m),
          Double.isNaN(previous) ? "" : String.format(Locale.ROOT, "%+.2f", added), f2(m / bare),
          String.format(Locale.ROOT, "%.0f%%", 100 * added / all));
      previous = m;
    }
    doc.note("Each row indexes the same articles with the row above's indexer plus one step; "
        + "added CPU s is the difference of the two medians (small differences are within noise).");
    doc.note(String.format(Locale.ROOT, "The signature computed alone took %.2f CPU s (median);"
        + " it is taken out of the rows of newsindex's document and the vocabulary, which compute"
        + " it without keeping it, and so counts in the signature's row.", signature));
    doc.write();
  }

  /** Indexes {@code articles} into {@code dir} with the indexer of {@code step}. */
  private static void index(int step, List<Article> articles, Path dir) throws IOException {
    Analyzer analyzer = step <= 1 ? new EnglishAnalyzer() : NewsSchema.analyzer();
    Compression compression = step == 0 ? Compression.FAST : Compression.SMALL;
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, ArticleWriter.config(analyzer,
            IndexWriterConfig.OpenMode.CREATE, compression))) {
      if (step == 6) {
        try (ArticleWriter news = new ArticleWriter(writer, NewsSchema.commitData())) {
          for (Article a : articles) {
            news.upsert(a);
          }
          news.commit();
        }
        return;
      }
      for (Article a : articles) {
        writer.addDocument(switch (step) {
          case 0, 1, 2 -> PeerBench.document(a);
          case 3 -> untapped(NewsSchema.toDocument(a, NewsSchema.contentHash(a)));
          case 4 -> withoutSignature(NewsSchema.toDocument(a, NewsSchema.contentHash(a)));
          default -> NewsSchema.toDocument(a, NewsSchema.contentHash(a));
        });
      }
      writer.commit();
    }
  }

  /** {@code doc} without vocabulary or signature: plain text fields instead of tapped ones. */
  private static Document untapped(Document doc) {
    Document out = new Document();
    for (IndexableField f : withoutSignature(doc)) {
      if (f.name().equals(NewsSchema.WORDS)) {
        continue;
      }
      // A tapped field is a stored text field that fills its word tap while it is analysed.
      boolean tapped = f.getClass().getSimpleName().equals("TappedField");
      out.add(tapped ? new Field(f.name(), f.stringValue(), TextField.TYPE_STORED) : f);
    }
    return out;
  }

  private static Document withoutSignature(Document doc) {
    doc.removeFields(NewsSchema.MINHASH);
    return doc;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
