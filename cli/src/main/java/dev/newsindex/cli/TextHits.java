package dev.newsindex.cli;

import dev.newsindex.Article;
import dev.newsindex.search.Hit;
import dev.newsindex.search.SearchResult;
import dev.newsindex.search.Snippet;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders search results for people: numbered hits, matches in bold colour or **marks**. */
final class TextHits {
  static final String PLAIN_OPEN = "**";
  static final String PLAIN_CLOSE = "**";
  private static final String BOLD_RED = "\u001B[1;31m";
  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String RESET = "\u001B[0m";

  private final PrintWriter out;
  private final boolean colour;

  TextHits(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  void print(SearchResult result) {
    String query = result.request().query();
    if (result.hits().isEmpty()) {
      out.println("No hits for " + quoted(query) + ".");
      return;
    }
    out.println(String.format(Locale.ROOT, "%s%d hit%s for %s (%d ms)%s",
        colour ? DIM : "", result.totalHits(), result.totalHits() == 1 ? "" : "s",
        quoted(query), result.took().toMillis(),
        (result.hits().size() < result.totalHits() ? ", top " + result.hits().size() : "")
            + (colour ? RESET : "")));
    for (Hit hit : result.hits()) {
      if (out.checkError()) {
        return; // the reader went away (e.g. | head): stop quietly
      }
      out.println();
      Article a = hit.article();
      String title = oneLine(mark(hit.title(), colour ? BOLD_RED : PLAIN_OPEN,
          colour ? RESET + BOLD : PLAIN_CLOSE));
      out.println(String.format(Locale.ROOT, "%2d. %s%s%s", hit.rank(),
          colour ? BOLD : "", title, colour ? RESET : ""));
      StringBuilder meta = new StringBuilder("    ");
      meta.append(a.date() == null ? "(no date)" : a.date().toString());
      if (!a.source().isEmpty()) {
        meta.append(" | ").append(a.source());
      }
      meta.append(" | id ").append(a.id());
      meta.append(String.format(Locale.ROOT, " | score %.2f", hit.score()));
      out.println(colour ? DIM + meta + RESET : meta.toString());
      if (!a.url().isEmpty()) {
        out.println("    " + a.url());
      }
      for (Snippet p : hit.passages()) {
        out.println("    \u2026 " + oneLine(mark(p, colour ? BOLD_RED : PLAIN_OPEN,
            colour ? RESET : PLAIN_CLOSE)) + " \u2026");
      }
    }
  }

  private static String mark(Snippet s, String open, String close) {
    return s.marked(open, close);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String quoted(String query) {
    return "\u201C" + query + "\u201D";
  }
}
