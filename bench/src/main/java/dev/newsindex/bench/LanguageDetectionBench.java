package dev.newsindex.bench;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.newsindex.ingest.Languages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;

/**
 * The three language detectors that resolve here, measured on the project's own test set
 * ({@code language-samples.tsv}: short headlines and short bodies in twelve languages, written for
 * newsindex): accuracy on headlines and on bodies, the wall time to load each, the heap its models
 * hold, and the CPU time per call (best of interleaved rounds over every sample, one thread).
 * Run: {@code bench/run LanguageDetectionBench [--rounds N]} (default 5).
 *
 * <p>Candidates: optimaize language-detector 0.6 (every built-in profile, and the test set's
 * languages only), lingua 1.2.2 with the
 * test set's twelve languages loaded (all 75 would be several times the heap), and Apache Tika's
 * OpenNLP detector 3.3.1 (its 103-language model).
 */
public final class LanguageDetectionBench {
  private LanguageDetectionBench() {}

  /** One test sample. */
  record Sample(String lang, boolean headline, String text) {}

  /** A detector under test: its name, and the text to ISO 639-1 code function it loads. */
  record Candidate(String name, Supplier<Function<String, String>> loader) {}

  /** Loads the samples bundled with the bench. */
  static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    try (InputStream in = LanguageDetectionBench.class.getResourceAsStream("language-samples.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 3);
        samples.add(new Sample(f[0], f[1].equals("headline"), f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return samples;
  }

  static Function<String, String> optimaize(Set<String> codes) {
    try {
      LanguageProfileReader profiles = new LanguageProfileReader();
      LanguageDetector d = com.optimaize.langdetect.LanguageDetectorBuilder
          .create(NgramExtractors.standard())
          .withProfiles(codes == null ? profiles.readAllBuiltIn() : profiles.readBuiltIn(
              codes.stream().map(LdLocale::fromString).toList()))
          .build();
      TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();
      return text -> {
        List<DetectedLanguage> best = d.getProbabilities(texts.forText(text));
        return best.isEmpty() ? "" : best.get(0).getLocale().getLanguage();
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Function<String, String> lingua(Set<String> codes) {
    List<Language> languages = new ArrayList<>();
    for (Language l : Language.values()) {
      if (codes.contains(l.getIsoCode639_1().name().toLowerCase(Locale.ROOT))) {
        languages.add(l);
      }
    }
    var d = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
        .withPreloadedLanguageModels().build();
    return text -> {
      Language l = d.detectLanguageOf(text);
      return l == Language.UNKNOWN ? "" : l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    };
  }

  static Function<String, String> tika() {
    OpenNLPDetector d = new OpenNLPDetector();
    try {
      d.loadModels();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text -> {
      var result = d.detect(text);
      String code = Languages.code(result.getLanguage());
      // Tika names Arabic by its macro-language's standard variety (arb).
      return code.isEmpty() && result.getLanguage().equals("arb") ? "ar" : code;
    };
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Loads candidate {@code c} in a new JVM: its load time (ns) and the heap it holds (bytes). */
  private static long[] loadInFreshJvm(int c) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Dnewsindex.bench.docs=", "-cp",
        System.getProperty("java.class.path"), LanguageDetectionBench.class.getName(), "--load",
        Integer.toString(c)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    for (String line : out.split("\n")) {
      if (line.startsWith("LOAD ")) {
        String[] f = line.split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
      }
    }
    throw new IOException("candidate " + c + " did not load: " + out);
  }

  /** Prints, and writes to docs/benchmarks, accuracy and cost of each candidate. */
  public static void main(String[] args) throws IOException {
    int rounds = 5;
    int load = -1;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--load")) {
        load = Integer.parseInt(args[++i]);
      }
    }
    List<Sample> samples = samples();
    Set<String> codes = new LinkedHashSet<>();
    samples.forEach(s -> codes.add(s.lang()));
    long headlines = samples.stream().filter(Sample::headline).count();
    long bodies = samples.size() - headlines;
    List<Candidate> candidates = List.of(
        new Candidate("optimaize 0.6 (all 71 profiles)", () -> optimaize(null)),
        new Candidate("optimaize 0.6 (" + codes.size() + " languages)", () -> optimaize(codes)),
        new Candidate("lingua 1.2.2 (" + codes.size() + " languages)", () -> lingua(codes)),
        new Candidate("tika-langdetect-opennlp 3.3.1", LanguageDetectionBench::tika));
    int n = candidates.size();
    if (load >= 0) {
      // A child JVM: load one candidate cold, print its load time and the heap it holds.
      long before = usedHeap();
      long t0 = System.nanoTime();
      Function<String, String> d = candidates.get(load).loader().get();
      long ns = System.nanoTime() - t0;
      long heap = usedHeap() - before;
      System.out.println("LOAD " + ns + " " + heap + " " + d.apply("news").length());
      return;
    }
    double[] loadMs = new double[n];
    double[] heapMb = new double[n];
    for (int c = 0; c < n; c++) {
      long[] cold = loadInFreshJvm(c);
      loadMs[c] = cold[0] / 1e6;
      heapMb[c] = cold[1] / (1024.0 * 1024.0);
    }
    List<Function<String, String>> detectors = new ArrayList<>();
    for (Candidate c : candidates) {
      detectors.add(c.loader().get());
    }
    int[] rightHeadlines = new int[n];
    int[] rightBodies = new int[n];
    List<List<String>> misses = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      List<String> wrong = new ArrayList<>();
      for (Sample s : samples) {
        String got = detectors.get(c).apply(s.text());
        if (got.equals(s.lang())) {
          if (s.headline()) {
            rightHeadlines[c]++;
          } else {
            rightBodies[c]++;
          }
        } else {
          wrong.add(s.lang() + "→" + (got.isEmpty() ? "?" : got));
        }
      }
      misses.add(wrong);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] best = new long[n];
    java.util.Arrays.fill(best, Long.MAX_VALUE);
    int sink = 0;
    for (int r = 0; r <= rounds; r++) { // round 0 warms up
      for (int c = 0; c < n; c++) {
        Function<String, String> d = detectors.get(c);
        long t0 = cpu.getCurrentThreadCpuTime();
        for (Sample s : samples) {
          sink += d.apply(s.text()).length();
        }
        long t = cpu.getCurrentThreadCpuTime() - t0;
        if (r > 0) {
          best[c] = Math.min(best[c], t);
        }
      }
    }
    BenchDoc doc = BenchDoc.create("LanguageDetectionBench", "Language detectors on the project's"
        + " own headlines and bodies: accuracy, load time, heap and CPU time per article.",
        "--rounds", Integer.toString(rounds))
        .corpus(String.format(Locale.ROOT, "bench's language-samples.tsv: %d headlines and %d"
            + " short bodies in %d languages (%s), written for newsindex", headlines, bodies,
            codes.size(), String.join(", ", codes)));
    BenchDoc.Table t = doc.table("Accuracy and cost", "detector", "headlines right",
        "bodies right", "load ms", "heap MB", "µs per call", "per call / optimaize");
    for (int c = 0; c < n; c++) {
      double us = best[c] / 1e3 / samples.size();
      t.row(candidates.get(c).name(), rightHeadlines[c] + "/" + headlines,
          rightBodies[c] + "/" + bodies, String.format(Locale.ROOT, "%.0f", loadMs[c]),
          String.format(Locale.ROOT, "%.1f", heapMb[c]), String.format(Locale.ROOT, "%.1f", us),
          String.format(Locale.ROOT, "%.2f", (double) best[c] / best[0]));
      System.out.printf(Locale.ROOT, "%-34s headlines %2d/%d bodies %2d/%d load %6.0f ms heap %6.1f"
          + " MB %8.1f µs/call misses %s%n", candidates.get(c).name(), rightHeadlines[c],
          headlines, rightBodies[c], bodies, loadMs[c], heapMb[c], us, misses.get(c));
    }
    BenchDoc.Table m = doc.table("Misses (expected→detected)", "detector", "misses");
    for (int c = 0; c < n; c++) {
      m.row(candidates.get(c).name(), misses.get(c).isEmpty() ? "none"
          : String.join(", ", misses.get(c)));
    }
    doc.note("CPU time of one thread, best of " + rounds + " interleaved rounds over every sample;"
        + " heap is the used heap after garbage collection, after loading minus before, each"
        + " detector kept alive; load time and heap are measured for each detector alone, in a new"
        + " JVM of its own (cold, as a command-line run meets it).");
    if (sink < 0) {
      System.out.println(sink); // keeps the detections from being optimised away
    }
    doc.write();
  }
}
