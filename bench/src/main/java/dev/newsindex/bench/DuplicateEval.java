package dev.newsindex.bench;

import dev.newsindex.Article;
import dev.newsindex.NewsIndex;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Precision and recall of near-duplicate grouping ({@code newsindex duplicates}) on a test set
 * built from real corpus articles with realistic republishing edits.
 *
 * <p>{@code bench/run DuplicateEval [--corpora DIR] [--originals N] [--distractors N] [--seed S]}
 * reads {@code DIR/*}{@code /docs.jsonl} (default {@code ../shared/corpora} beside the repository;
 * nothing from it is written anywhere but a temporary index), picks N originals with bodies of 60+
 * words and gives each 1 to 3 copies. Each copy gets a rewritten headline and a mix of: a trimmed
 * ending (10-40% of sentences dropped), added boilerplate (a dateline in front, a credit or
 * newsletter line after), and light copy-editing (about 3% of words dropped or changed). The
 * distractors are further unedited corpus articles. Everything is indexed, grouped at several
 * thresholds, and scored by pairs: a predicted pair is right when both articles come from the same
 * original. Pairs between two unedited corpus articles are reported apart: the corpora hold some
 * genuine duplicates of their own, which are not errors but are not in the ground truth either.
 *
 * <p>Short notices ({@code --notices N}, default 400) test the trap of wire briefs: dividend
 * notices of N different, made-up companies, all with the same one-line boilerplate body ("Qtly
 * div 10 cts vs 10 cts prior, Pay April 15, Record March 31", figures from a few values) and a
 * headline naming the company; one in five is sent again under a reworded headline naming the same
 * company (a true copy). Their precision (pairs of notices grouped that are copies, of all pairs
 * of notices grouped) and recall are reported apart. The table is also written to {@code --out
 * FILE} (default {@code docs/benchmarks/DuplicateEval.md}).
 */
public final class DuplicateEval {
  private static final String[] DATELINES = {"LONDON (Wire) - ", "NEW YORK, March 3 - ",
      "UPDATED: ", "By Staff Reporter\n\n", "WASHINGTON - "};
  private static final String[] CREDITS = {
      "\n\nThis story was first published by a wire service and is republished with permission.",
      "\n\nReporting by staff writers; editing by the news desk. All rights reserved.",
      "\n\nSign up for our morning newsletter to get the day's top stories in your inbox.",
      "\n\nFollow us on social media for the latest updates. Copyright the publisher."};
  private static final String[] HEADLINE_WORDS = {"Update:", "Analysis:", "Breaking:", "Report:",
      "Explainer:"};

  private DuplicateEval() {}

  public static void main(String[] args) throws IOException {
    Path corpora = Path.of("..", "shared", "corpora");
    int originals = 600;
    int distractors = 3000;
    long seed = 5;
    int notices = 400;
    Path out = Path.of("docs", "benchmarks", "DuplicateEval.md");
    String command = "bench/run DuplicateEval" + (args.length == 0 ? "" : " "
        + String.join(" ", args));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--originals" -> originals = Integer.parseInt(args[++i]);
        case "--distractors" -> distractors = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--notices" -> notices = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (!Files.isDirectory(corpora)) {
      System.out.println("no corpora at " + corpora + "; pass --corpora DIR");
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(corpora)) {
      files = s.map(d -> d.resolve("docs.jsonl")).filter(Files::isRegularFile).sorted().toList();
    }
    List<Article> pool = new ArrayList<>();
    Set<String> seenBodies = new HashSet<>();
    Ingest.read(files, new ArticleHandler() {
      @Override
      public void article(Article a, Origin origin) {
        String corpus = Path.of(origin.file()).getParent().getFileName().toString();
        if (a.body().split("\\s+").length >= 60 && seenBodies.add(a.body())) {
          pool.add(new Article(corpus + "/" + a.id(), a.title(), a.date(), corpus, "",
              a.body()));
        }
      }

      @Override
      public void rejected(Origin origin, String reason) {}
    });
    SplittableRandom r = new SplittableRandom(seed);
    // Deterministic shuffle, then originals first and distractors after.
    for (int i = pool.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Article t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    originals = Math.min(originals, pool.size());
    distractors = Math.min(distractors, pool.size() - originals);
    Map<String, String> family = new HashMap<>();
    Map<String, String> editOf = new HashMap<>();
    List<Article> all = new ArrayList<>();
    for (int i = 0; i < originals; i++) {
      Article a = pool.get(i);
      all.add(a);
      family.put(a.id(), a.id());
      int copies = 1 + r.nextInt(3);
      for (int c = 0; c < copies; c++) {
        StringBuilder kinds = new StringBuilder("headline");
        Article copy = edit(a, a.id() + "~" + c, r, kinds);
        all.add(copy);
        family.put(copy.id(), a.id());
        editOf.put(copy.id(), kinds.toString());
      }
    }
    for (int i = 0; i < distractors; i++) {
      Article a = pool.get(originals + i);
      all.add(a);
      family.put(a.id(), a.id());
    }
    Set<String> noticeIds = new HashSet<>();
    int noticeCopies = addNotices(notices, r, all, family, noticeIds);
    StringBuilder md = new StringBuilder();
    md.append("# DuplicateEval\n\n");
    md.append("- command: `").append(command).append("`\n");
    md.append("- date: ").append(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).format(
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append("\n");
    md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append("\n");
    md.append("- JDK: ").append(System.getProperty("java.vendor")).append(' ')
        .append(System.getProperty("java.version")).append("\n");
    md.append(String.format(Locale.ROOT, "- corpus: %d originals with %d edited copies, %d"
        + " distractors from %s (seed %d), and %d short notices of different companies with %d"
        + " resent under a reworded headline (%d articles)%n", originals, editOf.size(),
        distractors, files.stream().map(f -> f.getParent().getFileName().toString()).toList(),
        seed, notices, noticeCopies, all.size()));
    md.append("\n");
    System.out.print(md);

    Path dir = Files.createTempDirectory("newsindex-dupeval");
    try (NewsIndex index = NewsIndex.openOrCreate(dir)) {
      for (Article a : all) {
        index.upsert(a);
      }
      index.commit();
      Set<String> truth = new HashSet<>();
      Map<String, List<String>> families = new HashMap<>();
      family.forEach((id, root) -> families.computeIfAbsent(root, k -> new ArrayList<>()).add(id));
      for (List<String> f : families.values()) {
        addPairs(f, truth);
      }
      String head = "| threshold | groups | precision | (excl.) | recall | F1 | own pairs | recall:"
          + " trim | boilerplate | copyedit | notices: precision | recall |";
      md.append(head).append("\n").append("|---".repeat(13)).append("|\n");
      System.out.println(head);
      for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
        DuplicateReport report = index.duplicates(Integer.MAX_VALUE, t);
        Set<String> predicted = new HashSet<>();
        for (DuplicateGroup g : report.groups()) {
          addPairs(g.articles().stream().map(Article::id).toList(), predicted);
        }
        long right = predicted.stream().filter(truth::contains).count();
        long corpusOwn = predicted.stream().filter(p -> !truth.contains(p))
            .filter(p -> Arrays.stream(p.split("\t")).noneMatch(editOf::containsKey)).count();
        double precision = predicted.isEmpty() ? 1 : right / (double) predicted.size();
        double recall = right / (double) truth.size();
        Map<String, int[]> byEdit = new HashMap<>();
        for (Map.Entry<String, String> e : editOf.entrySet()) {
          String pair = pair(e.getKey(), family.get(e.getKey()));
          for (String kind : e.getValue().split("\\+")) {
            int[] c = byEdit.computeIfAbsent(kind, k -> new int[2]);
            c[1]++;
            if (predicted.contains(pair)) {
              c[0]++;
            }
          }
        }
        StringBuilder edits = new StringBuilder();
        for (String k : List.of("trim", "boilerplate", "copyedit")) {
          int[] c = byEdit.getOrDefault(k, new int[2]);
          edits.append(String.format(Locale.ROOT, " %.3f |", c[1] == 0 ? 0 : c[0]
              / (double) c[1]));
        }
        double excl = predicted.size() == corpusOwn ? 1
            : right / (double) (predicted.size() - corpusOwn);
        long noticePairs = predicted.stream().filter(p -> Arrays.stream(p.split("\t"))
            .allMatch(noticeIds::contains)).count();
        long noticeRight = predicted.stream().filter(p -> Arrays.stream(p.split("\t"))
            .allMatch(noticeIds::contains)).filter(truth::contains).count();
        String row = String.format(Locale.ROOT, "| %.1f | %d | %.3f | %.3f | %.3f | %.3f | %d |%s"
            + " %.3f | %.3f |", t, report.groupCount(), precision, excl, recall,
            2 * precision * recall / Math.max(1e-9, precision + recall), corpusOwn, edits,
            noticePairs == 0 ? 1.0 : noticeRight / (double) noticePairs,
            noticeCopies == 0 ? 1.0 : noticeRight / (double) noticeCopies);
        md.append(row).append("\n");
        System.out.println(row);
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, md.toString());
      System.out.println("(written to " + out + ")");
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static final String[] SYLLABLES = {"ar", "bel", "cor", "dan", "el", "fen", "gar",
      "hol", "in", "jor", "kel", "lan", "mor", "nor", "os", "per", "quin", "ros", "sal", "tor",
      "ul", "ver", "wil", "xen", "yor", "zan"};
  private static final String[] KINDS = {"CORP", "INC", "CO", "BANCORP", "INDUSTRIES INC",
      "SAVINGS BANK", "ENERGY CO", "HOLDING CO"};
  private static final String[] MONTHS = {"April", "May", "June", "July"};
  private static final String[] CENTS = {"five", "six", "10", "12-1/2", "20", "25"};

  /**
   * Adds {@code n} dividend notices of different made-up companies, one boilerplate body
   * template, and for one in five a resent copy under a reworded headline; returns the copies.
   */
  static int addNotices(int n, SplittableRandom r, List<Article> all, Map<String, String> family,
      Set<String> ids) {
    Set<String> names = new HashSet<>();
    int copies = 0;
    for (int i = 0; i < n; i++) {
      String name;
      do {
        name = (SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]
            + SYLLABLES[r.nextInt(SYLLABLES.length)]).toUpperCase(Locale.ROOT);
      } while (!names.add(name));
      String ticker = name.substring(0, 3);
      String company = name + " " + KINDS[r.nextInt(KINDS.length)] + " <" + ticker + ">";
      String cents = CENTS[r.nextInt(CENTS.length)];
      String month = MONTHS[r.nextInt(MONTHS.length)];
      String body = "Qtly div " + cents + " cts vs " + cents + " cts prior\n    Pay " + month
          + " " + (1 + r.nextInt(3) * 14) + "\n    Record " + month + " " + (1 + r.nextInt(2) * 15);
      String id = "notice/" + i;
      all.add(new Article(id, company + " SETS QUARTERLY", null, "Wire", "", body));
      family.put(id, id);
      ids.add(id);
      if (r.nextInt(5) == 0) {
        String copy = id + "~resent";
        all.add(new Article(copy, company + " DECLARES QTLY DIVIDEND", null, "Wire 2", "",
            body));
        family.put(copy, id);
        ids.add(copy);
        copies++;
      }
    }
    return copies;
  }

  private static void addPairs(List<String> ids, Set<String> out) {
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        out.add(pair(ids.get(i), ids.get(j)));
      }
    }
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
  }

  /** A republished copy of {@code a}: new headline, and some of trim, boilerplate, copy-edit. */
  static Article edit(Article a, String id, SplittableRandom r, StringBuilder kinds) {
    String body = a.body();
    boolean trim = r.nextInt(2) == 0;
    boolean boilerplate = r.nextInt(2) == 0;
    boolean copyedit = r.nextInt(2) == 0;
    if (!trim && !boilerplate && !copyedit) {
      trim = true;
    }
    if (trim) {
      String[] sentences = body.split("(?<=[.!?])\\s+");
      double drop = 0.1 + 0.3 * r.nextDouble();
      int keep = Math.max(1, (int) Math.round(sentences.length * (1 - drop)));
      body = String.join(" ", Arrays.copyOf(sentences, Math.min(keep, sentences.length)));
      kinds.append("+trim");
    }
    if (copyedit) {
      String[] words = body.split(" ");
      StringBuilder sb = new StringBuilder(body.length());
      for (String w : words) {
        int roll = r.nextInt(100);
        if (roll < 2) {
          continue; // dropped
        }
        if (roll < 3) {
          w = w.toUpperCase(Locale.ROOT).equals(w) ? "the" : "said";
        }
        sb.append(w).append(' ');
      }
      body = sb.toString().strip();
      kinds.append("+copyedit");
    }
    if (boilerplate) {
      body = DATELINES[r.nextInt(DATELINES.length)] + body + CREDITS[r.nextInt(CREDITS.length)];
      kinds.append("+boilerplate");
    }
    String title = HEADLINE_WORDS[r.nextInt(HEADLINE_WORDS.length)] + " "
        + rewrite(a.title().isEmpty() ? "News" : a.title(), r);
    return new Article(id, title, a.date(), "Outlet " + (1 + r.nextInt(9)), "", body);
  }

  private static String rewrite(String title, SplittableRandom r) {
    List<String> words = new ArrayList<>(List.of(title.split("\\s+")));
    if (words.size() > 3) {
      words.remove(r.nextInt(words.size()));
      java.util.Collections.rotate(words, 1 + r.nextInt(words.size() - 1));
    }
    return String.join(" ", words);
  }
}
