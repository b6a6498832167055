package dev.newsindex.cli;

import dev.newsindex.Article;
import dev.newsindex.search.DuplicateGroup;
import dev.newsindex.search.DuplicateReport;
import dev.newsindex.search.FacetCount;
import dev.newsindex.search.FacetResult;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.regex.Pattern;

/** Renders results for people: numbered hits, matches in bold colour or **marks**, then facets. */
final class TextHits {
  static final String PLAIN_OPEN = "**";
  static final String PLAIN_CLOSE = "**";
  private static final String BOLD_RED = "\u001B[1;31m";
  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String RESET = "\u001B[0m";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final PrintWriter out;
  private final boolean colour;

  TextHits(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  void print(SearchResult result) {
    String query = result.request().query();
    if (result.hits().isEmpty()) {
      out.println(result.totalHits() > 0
          ? "No hits on this page for " + quoted(query) + " (" + result.totalHits() + " in all)."
          : "No hits for " + quoted(query) + ".");
      suggestion(result);
      return;
    }
    // Plain concatenation on this path, no String.format: a formatter's first use loads the
    // locale's number symbols, a few ms of every cold search.
    out.println(dim((result.totalExact() ? "" : "at least ") + result.totalHits() + " hit"
        + (result.totalHits() == 1 ? "" : "s") + " for " + quoted(query) + " ("
        + result.took().toMillis() + " ms)"
        + (result.hits().size() < result.totalHits() ? ", showing " + result.hits().get(0).rank()
            + "-" + result.hits().get(result.hits().size() - 1).rank() : "")));
    suggestion(result);
    for (Hit hit : result.hits()) {
      if (out.checkError()) {
        return; // the reader went away (e.g. | head): stop quietly
      }
      out.println();
      Article a = hit.article();
      String title = oneLine(mark(hit.title(), colour ? BOLD_RED : PLAIN_OPEN,
          colour ? RESET + BOLD : PLAIN_CLOSE));
      out.println((hit.rank() < 10 ? " " : "") + hit.rank() + ". " + (colour ? BOLD : "") + title
          + (colour ? RESET : ""));
      StringBuilder meta = new StringBuilder("    ");
      meta.append(a.date() == null ? "(no date)" : a.date().toString());
      if (!a.source().isEmpty()) {
        meta.append(" | ").append(oneLine(a.source()));
      }
      meta.append(" | id ").append(oneLine(a.id()));
      if (!Float.isNaN(hit.score())) {
        meta.append(" | score ").append(twoDecimals(hit.score()));
      }
      if (hit.duplicates() > 0) {
        meta.append(" | +").append(hit.duplicates()).append(" near-duplicate")
            .append(hit.duplicates() == 1 ? "" : "s");
      }
      out.println(dim(meta.toString()));
      if (!a.url().isEmpty()) {
        out.println("    " + oneLine(a.url()));
      }
      for (Snippet p : hit.passages()) {
        out.println("    \u2026 " + oneLine(mark(p, colour ? BOLD_RED : PLAIN_OPEN,
            colour ? RESET : PLAIN_CLOSE)) + " \u2026");
      }
      if (hit.explanation() != null) {
        out.println("    why:");
        hit.explanation().lines().forEach(l -> out.println("      " + Printable.line(l)));
      }
    }
    for (FacetResult f : result.facets()) {
      out.println();
      out.println((colour ? BOLD : "") + "By " + f.facet().label() + ":" + (colour ? RESET : ""));
      for (FacetCount c : f.counts()) {
        out.println(String.format(Locale.ROOT, "  %8d  %s", c.count(), oneLine(c.value())));
      }
      if (f.others() > 0) {
        out.println(dim(String.format(Locale.ROOT, "  %8d  (other sources)", f.others())));
      }
      if (f.missing() > 0) {
        out.println(dim(String.format(Locale.ROOT, "  %8d  (none)", f.missing())));
      }
    }
    if (result.nextCursor() != null) {
      out.println();
      out.println(dim("next page: --cursor " + result.nextCursor()));
    }
  }

  void print(DuplicateReport report) {
    if (report.groupCount() == 0) {
      out.println("No near-duplicates found.");
      return;
    }
    out.println(dim(String.format(Locale.ROOT,
        "%d group%s of near-duplicates holding %d articles%s", report.groupCount(),
        report.groupCount() == 1 ? "" : "s", report.articleCount(),
        report.groups().size() < report.groupCount() ? "; the largest " + report.groups().size()
            : "")));
    int n = 0;
    for (DuplicateGroup g : report.groups()) {
      if (out.checkError()) {
        return;
      }
      out.println();
      out.println(String.format(Locale.ROOT, "%2d. %s%d articles%s", ++n, colour ? BOLD : "",
          g.articles().size(), colour ? RESET : ""));
      for (Article a : g.articles()) {
        out.println(String.format(Locale.ROOT, "    %s | %s | id %s | %s",
            a.date() == null ? "(no date)" : a.date(),
            a.source().isEmpty() ? "-" : oneLine(a.source()), oneLine(a.id()), oneLine(a.title())));
      }
    }
  }

  private void suggestion(SearchResult result) {
    if (result.didYouMean() != null) {
      out.println("Did you mean " + (colour ? BOLD : "") + quoted(result.didYouMean())
          + (colour ? RESET : "") + "?");
    }
  }

  private String dim(String s) {
    return colour ? DIM + s + RESET : s;
  }

  /** {@code s} marked, its article text first made safe for a terminal. */
  private static String mark(Snippet s, String open, String close) {
    return Printable.line(s).marked(open, close);
  }

  /** {@code s} (article text, or text holding some) safe for a terminal, on one line. */
  private static String oneLine(String s) {
    return WHITESPACE.matcher(Printable.line(s)).replaceAll(" ").strip();
  }

  /**
   * {@code score} as {@code String.format(Locale.ROOT, "%.2f", score)} writes it: the shortest
   * decimal digits of the value rounded half up, without a formatter's start-up cost (it loads the
   * locale's number symbols) nor BigDecimal's (more still).
   */
  static String twoDecimals(float score) {
    String digits = Double.toString(score);
    int dot = digits.indexOf('.');
    if (dot < 1 || digits.indexOf('E') >= 0 || digits.charAt(0) == '-') {
      return String.format(Locale.ROOT, "%.2f", score); // not a plain positive decimal
    }
    String fraction = digits.substring(dot + 1) + "00";
    long hundredths = Long.parseLong(digits.substring(0, dot)) * 100
        + Integer.parseInt(fraction.substring(0, 2)) + (fraction.charAt(2) >= '5' ? 1 : 0);
    long cents = hundredths % 100;
    return hundredths / 100 + (cents < 10 ? ".0" : ".") + cents;
  }

  private static String quoted(String query) {
    return "\u201C" + oneLine(query) + "\u201D";
  }
}
