package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.ingest.HtmlReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How well the HTML reader finds an article's text and metadata, on the test set of pages written
 * for the project ({@code core/src/test/resources/html/pages}: each {@code NAME.html} with the
 * expected body in {@code NAME.txt} and the expected metadata in {@code NAME.meta}). The body is
 * scored as bags of words (letters and digits, lower case): precision is the share of extracted
 * words that are in the expected body, recall the share of expected words extracted, each word
 * counted as often as it occurs. Writes {@code docs/benchmarks/ExtractorQuality.md}.
 *
 * <p>Usage: {@code bench/run ExtractorQuality [PAGES_DIR [OUT.md]]}
 */
public final class ExtractorQuality {
  /** The test set, from the repository root. */
  public static final Path PAGES = Path.of("core/src/test/resources/html/pages");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private ExtractorQuality() {}

  /**
   * The score of one page.
   *
   * @param page the page's name
   * @param precision the share of extracted words that are expected
   * @param recall the share of expected words that were extracted
   * @param extracted how many words were extracted
   * @param expected how many words were expected
   * @param overlap how many extracted words were expected (counted as often as both have them)
   * @param metadataChecked how many expected metadata fields the page's {@code .meta} names
   * @param metadataWrong the fields read wrongly, as {@code field: got 'x'}
   */
  public record PageScore(String page, double precision, double recall, int extracted,
      int expected, int overlap, int metadataChecked, List<String> metadataWrong) {}

  /**
   * Scores every page of {@code dir}.
   *
   * @param dir a folder of {@code NAME.html}, {@code NAME.txt} and {@code NAME.meta} files
   * @return one score per page, in name order
   * @throws IOException when a file cannot be read
   */
  public static List<PageScore> measure(Path dir) throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(dir)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    List<PageScore> out = new ArrayList<>();
    for (Path html : pages) {
      String name = html.getFileName().toString().replaceFirst("\\.html$", "");
      Article a = HtmlReader.parse(Files.readString(html, StandardCharsets.UTF_8), "");
      String expected = Files.readString(dir.resolve(name + ".txt"), StandardCharsets.UTF_8);
      Map<String, Integer> got = words(a.body());
      Map<String, Integer> want = words(expected);
      int overlap = 0;
      for (Map.Entry<String, Integer> e : got.entrySet()) {
        overlap += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
      }
      int extracted = total(got);
      int wanted = total(want);
      List<String> wrong = new ArrayList<>();
      int checked = 0;
      Path metaFile = dir.resolve(name + ".meta");
      if (Files.exists(metaFile)) {
        for (String line : Files.readAllLines(metaFile, StandardCharsets.UTF_8)) {
          int colon = line.indexOf(": ");
          if (colon < 0) {
            continue;
          }
          checked++;
          String field = line.substring(0, colon);
          String value = line.substring(colon + 2).strip();
          String actual = switch (field) {
            case "title" -> a.title();
            case "date" -> a.date() == null ? "" : a.date().toString();
            case "author" -> a.authors().contains(value) ? value : String.join("; ", a.authors());
            case "source" -> a.source();
            case "lang" -> a.lang();
            case "category" -> a.categories().contains(value) ? value
                : String.join("; ", a.categories());
            case "topic" -> a.topics().contains(value) ? value : String.join("; ", a.topics());
            default -> "(unknown field)";
          };
          if (!actual.equals(value)) {
            wrong.add(field + ": got '" + actual + "'");
          }
        }
      }
      out.add(new PageScore(name, extracted == 0 ? 0 : overlap / (double) extracted,
          wanted == 0 ? 1 : overlap / (double) wanted, extracted, wanted, overlap, checked,
          wrong));
    }
    return out;
  }

  static Map<String, Integer> words(String text) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  private static int total(Map<String, Integer> counts) {
    int n = 0;
    for (int v : counts.values()) {
      n += v;
    }
    return n;
  }

  /**
   * The averages over pages: macro precision and recall (the mean of the pages'), micro
   * precision and recall (from the summed counts), and the lowest page precision and recall.
   *
   * @param scores the pages' scores
   * @return {@code macroP, macroR, microP, microR, minP, minR}
   */
  public static double[] summary(List<PageScore> scores) {
    double p = 0;
    double r = 0;
    long overlap = 0;
    long extracted = 0;
    long expected = 0;
    double minP = 1;
    double minR = 1;
    for (PageScore s : scores) {
      p += s.precision();
      r += s.recall();
      overlap += s.overlap();
      extracted += s.extracted();
      expected += s.expected();
      minP = Math.min(minP, s.precision());
      minR = Math.min(minR, s.recall());
    }
    int n = scores.size();
    return new double[] {p / n, r / n, overlap / (double) extracted, overlap / (double) expected,
        minP, minR};
  }

  /**
   * Measures the test set and writes the report.
   *
   * @param args the pages folder and the report file, both optional
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : PAGES;
    Path out = args.length > 1 ? Path.of(args[1]) : Path.of("docs/benchmarks/ExtractorQuality.md");
    List<PageScore> scores = measure(dir);
    double[] s = summary(scores);
    StringWriter text = new StringWriter();
    PrintWriter w = new PrintWriter(text);
    w.println("# ExtractorQuality: main text and metadata of saved news pages");
    w.println();
    w.printf(Locale.ROOT, "- Machine: %s %s, %d processors%n", System.getProperty("os.name"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    w.println("- JDK: " + System.getProperty("java.vendor") + " " + Runtime.version());
    w.println("- Date: " + LocalDate.now());
    w.println("- Corpus: " + scores.size() + " pages written for the project, each a different"
        + " layout (" + dir + ")");
    w.println("- Command: `bench/run ExtractorQuality`");
    w.println();
    w.println("| measure | value |");
    w.println("|---|---|");
    w.printf(Locale.ROOT, "| word precision, mean of pages | %.3f |%n", s[0]);
    w.printf(Locale.ROOT, "| word recall, mean of pages | %.3f |%n", s[1]);
    w.printf(Locale.ROOT, "| word precision, all words | %.3f |%n", s[2]);
    w.printf(Locale.ROOT, "| word recall, all words | %.3f |%n", s[3]);
    w.printf(Locale.ROOT, "| lowest page precision | %.3f |%n", s[4]);
    w.printf(Locale.ROOT, "| lowest page recall | %.3f |%n", s[5]);
    int checked = scores.stream().mapToInt(PageScore::metadataChecked).sum();
    int wrong = scores.stream().mapToInt(p -> p.metadataWrong().size()).sum();
    w.printf(Locale.ROOT, "| metadata fields right | %d of %d |%n", checked - wrong, checked);
    double ratio = costOverParse(dir, 30);
    w.printf(Locale.ROOT, "| time to read a page / time for jsoup to parse it | %.2f |%n", ratio);
    w.println();
    w.println("| page | precision | recall | words extracted | words expected | metadata wrong |");
    w.println("|---|---|---|---|---|---|");
    for (PageScore p : scores) {
      w.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %s |%n", p.page(), p.precision(),
          p.recall(), p.extracted(), p.expected(),
          p.metadataWrong().isEmpty() ? "-" : String.join("; ", p.metadataWrong()));
    }
    w.flush();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
    System.out.print(text);
  }

  /**
   * What reading a page (parse, metadata, main text) costs over parsing it alone with jsoup: the
   * ratio of the summed times, the two measured in turn on every page, {@code rounds} times (the
   * first round warms up and is not counted).
   */
  static double costOverParse(Path dir, int rounds) throws IOException {
    List<String> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        pages.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    long read = 0;
    long parse = 0;
    int sink = 0;
    for (int round = 0; round <= rounds; round++) {
      for (String page : pages) {
        long t0 = System.nanoTime();
        sink += org.jsoup.Jsoup.parse(page).childNodeSize();
        long t1 = System.nanoTime();
        sink += HtmlReader.parse(page, "").body().length();
        long t2 = System.nanoTime();
        if (round > 0) {
          parse += t1 - t0;
          read += t2 - t1;
        }
      }
    }
    if (sink == 42) {
      System.out.print(""); // keeps the work from being optimised away
    }
    return read / (double) parse;
  }

  /** The names of the pages and their scores, for messages. */
  static Map<String, PageScore> byName(List<PageScore> scores) {
    Map<String, PageScore> m = new LinkedHashMap<>();
    scores.forEach(s -> m.put(s.page(), s));
    return m;
  }
}
