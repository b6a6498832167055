package dev.newsindex.cli;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestProgress;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reports an ingest run on stderr: skipped files and lines with their reasons, and, when wanted, a
 * progress bar redrawn in place (articles/s, MB/s, and the ETA when the input size is known).
 * Skips are capped so that a file of a million bad records prints a few lines, not a million: the
 * first {@value #SHOWN_PER_REASON} of each kind of reason are named, and {@link #finish} prints one
 * line per kind with its count for the rest. Quiet, none are named and only those lines print.
 */
final class IngestReporter implements IngestListener {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 24;

  /** How many skips of one kind of reason are named before the rest are only counted. */
  static final int SHOWN_PER_REASON = 5;

  private final PrintWriter err;
  private final boolean bar;
  private final boolean quiet;
  /** Per kind of reason: how many skips, and the first one's place and reason. */
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  /** Updates that replaced an article of another source, and the first one's place. */
  private long otherSource;
  private String firstOtherSource;
  private long lastDraw;
  private int drawnWidth;

  private static final class Kind {
    long count;
    String first;
  }

  IngestReporter(PrintWriter err, boolean bar) {
    this(err, bar, false);
  }

  /** With {@code quiet}, no skip is named: {@link #finish} prints one line per kind of reason. */
  IngestReporter(PrintWriter err, boolean bar, boolean quiet) {
    this.err = err;
    this.bar = bar;
    this.quiet = quiet;
  }

  @Override
  public void skipped(Origin origin, String reason) {
    Kind kind = kinds.computeIfAbsent(kind(reason), k -> new Kind());
    kind.count++;
    String line = where(origin) + ": " + reason;
    if (kind.first == null) {
      kind.first = line;
    }
    if (quiet || kind.count > SHOWN_PER_REASON) {
      return;
    }
    clear();
    err.println("newsindex: skipped " + line);
    err.flush();
  }

  /**
   * Names the first {@value #SHOWN_PER_REASON} articles that replaced one of another source (an id
   * two feeds share); {@link #finish} prints the count and how to keep both.
   */
  @Override
  public void replacedOtherSource(Origin origin, String id, String previousSource,
      String source) {
    otherSource++;
    String line = where(origin) + ": id " + id + " was from " + quoted(previousSource)
        + ", now from " + quoted(source);
    if (firstOtherSource == null) {
      firstOtherSource = line;
    }
    if (quiet || otherSource > SHOWN_PER_REASON) {
      return;
    }
    clear();
    err.println("newsindex: replaced " + line);
    err.flush();
  }

  private static String quoted(String source) {
    return source.isEmpty() ? "no source" : "\"" + source + "\"";
  }

  /**
   * The kind of a reason, for counting: up to its first colon, numbers made alike, so that "empty
   * article 17: ..." and "empty article 18: ..." are one kind.
   */
  static String kind(String reason) {
    String k = reason.replaceAll("\\d[\\d,.]*", "#");
    int colon = k.indexOf(": ");
    return colon > 0 ? k.substring(0, colon) : k;
  }

  /**
   * Ends the report: removes the bar, then for each kind of reason with more skips than were named
   * (all of them when quiet), one line with the count and the first one.
   */
  void finish() {
    clear();
    if (otherSource > 0) {
      err.println(String.format(Locale.ROOT, "newsindex: %,d %s replaced an article of another"
          + " source (%s); to keep both, index each feed with its own --id-prefix",
          otherSource, otherSource == 1 ? "article" : "articles",
          quiet ? "first: " + firstOtherSource : otherSource > SHOWN_PER_REASON
              ? String.format(Locale.ROOT, "%,d not named above", otherSource - SHOWN_PER_REASON)
              : "named above"));
    }
    for (Map.Entry<String, Kind> e : kinds.entrySet()) {
      Kind k = e.getValue();
      long hidden = quiet ? k.count : k.count - SHOWN_PER_REASON;
      if (hidden <= 0) {
        continue;
      }
      err.println(String.format(Locale.ROOT, "newsindex: skipped %,d %s for \"%s\" in all (%s%s)",
          k.count, k.count == 1 ? "input" : "inputs", e.getKey(), quiet ? "first: " : "",
          quiet ? k.first : String.format(Locale.ROOT, "%,d not named above", hidden)));
    }
    err.flush();
  }

  @Override
  public void progress(IngestProgress p) {
    if (!bar) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = render(p);
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = line.length();
  }

  /** Removes the bar, before other output and at the end. */
  void clear() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  /** One line of progress, e.g. {@code [######      ] 48% 12,000 articles 3,100/s 4.2 MB/s ETA 0:12}. */
  static String render(IngestProgress p) {
    StringBuilder sb = new StringBuilder();
    if (p.fraction().isPresent()) {
      double f = p.fraction().getAsDouble();
      int filled = (int) Math.round(f * BAR_WIDTH);
      sb.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled))
          .append(String.format(Locale.ROOT, "] %3d%% ", (int) Math.floor(f * 100)));
    }
    sb.append(String.format(Locale.ROOT, "%,d articles", p.articles()));
    if (p.skipped() > 0) {
      sb.append(String.format(Locale.ROOT, " (%,d skipped)", p.skipped()));
    }
    sb.append(String.format(Locale.ROOT, "  %,.0f/s  %.1f MB/s", p.articlesPerSecond(),
        p.bytesPerSecond() / 1e6));
    p.remaining().ifPresent(d -> sb.append("  ETA ").append(clock(d)));
    return sb.toString();
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String where(Origin origin) {
    String file = origin.file().equals(Ingest.STDIN) ? "stdin"
        : Defaults.display(Path.of(origin.file()));
    return origin.line() > 0 ? file + ":" + origin.line() : file;
  }
}
