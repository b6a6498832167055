package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.LanguageDetection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * What detecting a language costs per article, and whether the function-word evidence that settles
 * English texts first ({@link LanguageDetection#detect}) ever says what the n-gram profiles alone
 * ({@link LanguageDetection#detectByProfiles}) would not: both run on every article of each corpus
 * ({@code docs.jsonl} under {@code --corpora DIR}) and on the bundled samples of {@link
 * LanguageDetectionBench} (each as a body with no title). Prints per set the articles on which the
 * two agree, every disagreement by pair, and the CPU time per article of each (one thread, best of
 * {@code --rounds} interleaved rounds, default 3). Run: {@code bench/run EnglishEvidenceBench
 * --corpora ../shared/corpora}.
 */
public final class EnglishEvidenceBench {
  private EnglishEvidenceBench() {}

  /** One set of texts: a name and its title-body pairs. */
  private record TextSet(String name, List<String[]> texts) {}

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) throws IOException {
    Path corpora = null;
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]
            + "; usage: EnglishEvidenceBench [--corpora DIR] [--rounds N]");
      }
    }
    List<TextSet> sets = new ArrayList<>();
    List<String[]> samples = new ArrayList<>();
    for (LanguageDetectionBench.Sample s : LanguageDetectionBench.samples()) {
      samples.add(new String[] {"", s.text()});
    }
    sets.add(new TextSet("bundled samples", samples));
    if (corpora != null) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(corpora)) {
        files = walk.filter(p -> p.getFileName().toString().equals("docs.jsonl")).sorted().toList();
      }
      for (Path file : files) {
        List<String[]> texts = new ArrayList<>();
        Ingest.readFile(file, new ArticleHandler() {
          @Override
          public void article(Article a, Origin origin) {
            if (a.lang().isEmpty()) {
              texts.add(new String[] {a.title(), a.body()});
            }
          }

          @Override
          public void rejected(Origin origin, String reason) {}
        });
        sets.add(new TextSet(file.getParent().getFileName().toString(), texts));
      }
    }
    BenchDoc doc = BenchDoc.create("EnglishEvidenceBench", "Language detection per article with"
        + " the English function-word evidence first, against the n-gram profiles alone: agreement"
        + " and CPU time.", args);
    if (corpora != null) {
      doc.corpus("CORPORA", corpora.toString(), "the docs.jsonl of each collection, articles"
          + " without a declared language");
    }
    BenchDoc.Table t = doc.table("Agreement and cost", "texts", "articles", "same language",
        "differing (profiles→with evidence)", "µs per article, profiles",
        "µs per article, with evidence", "with evidence / profiles");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (TextSet set : sets) {
      int same = 0;
      Map<String, Integer> differing = new TreeMap<>();
      for (String[] text : set.texts()) {
        String profiles = LanguageDetection.detectByProfiles(text[0], text[1]);
        String evidence = LanguageDetection.detect(text[0], text[1]);
        if (profiles.equals(evidence)) {
          same++;
        } else {
          differing.merge((profiles.isEmpty() ? "none" : profiles) + "→"
              + (evidence.isEmpty() ? "none" : evidence), 1, Integer::sum);
        }
      }
      List<BiFunction<String, String, String>> ways = List.of(LanguageDetection::detectByProfiles,
          LanguageDetection::detect);
      long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
      for (int r = 0; r < rounds; r++) {
        for (int w = 0; w < ways.size(); w++) {
          long t0 = cpu.getCurrentThreadCpuTime();
          for (String[] text : set.texts()) {
            sink += ways.get(w).apply(text[0], text[1]).length();
          }
          best[w] = Math.min(best[w], cpu.getCurrentThreadCpuTime() - t0);
        }
      }
      int n = Math.max(1, set.texts().size());
      StringBuilder diff = new StringBuilder();
      differing.forEach((k, v) -> diff.append(diff.isEmpty() ? "" : ", ").append(k).append(' ')
          .append(v));
      t.row(set.name(), String.format(Locale.ROOT, "%,d", set.texts().size()),
          String.format(Locale.ROOT, "%,d", same), diff.isEmpty() ? "none" : diff,
          String.format(Locale.ROOT, "%.1f", best[0] / 1e3 / n),
          String.format(Locale.ROOT, "%.1f", best[1] / 1e3 / n),
          String.format(Locale.ROOT, "%.2f", (double) best[1] / best[0]));
      System.out.printf(Locale.ROOT, "%-16s %,8d same %,8d differing %s profiles %.1f µs"
          + " evidence %.1f µs%n", set.name(), set.texts().size(), same, differing,
          best[0] / 1e3 / n, best[1] / 1e3 / n);
    }
    doc.note("CPU time of one thread, best of " + rounds + " interleaved rounds over every text of"
        + " the set; a language is empty (none) where the text is too short or no guess is likely"
        + " enough, and such an article is analysed as English either way.");
    if (sink < 0) {
      System.out.println(sink);
    }
    doc.write();
  }
}
