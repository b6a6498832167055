package dev.newsindex.cli;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestProgress;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Reports an ingest run on stderr: each skipped file or line with its reason, and, when wanted, a
 * progress bar redrawn in place (articles/s, MB/s, and the ETA when the input size is known).
 */
final class IngestReporter implements IngestListener {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private final boolean bar;
  private long lastDraw;
  private int drawnWidth;

  IngestReporter(PrintWriter err, boolean bar) {
    this.err = err;
    this.bar = bar;
  }

  @Override
  public void skipped(Origin origin, String reason) {
    clear();
    err.println("newsindex: skipped " + where(origin) + ": " + reason);
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
