package dev.newsindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.status.IndexStats;
import dev.newsindex.NewsArchive;
import dev.newsindex.NewsIndex;
import dev.newsindex.ingest.IndexSource;
import dev.newsindex.json.NewsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex stats}: what an index holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show what the index holds: articles, deleted articles awaiting a merge,"
        + " segments, size on disk, date range, articles per source and per label (category,"
        + " topic, place, author, lang: those the articles carry), the schema version, and the"
        + " recorded sources the index was read from (which rebuild without PATH reads again).")
final class StatsCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Mixin
  OutputOption output;

  @Option(names = "--sources", paramLabel = "N", defaultValue = "20",
      description = "How many sources to list in text output, most articles first"
          + " (default: ${DEFAULT-VALUE}; JSON lists all).")
  int sources;

  @Mixin
  ClusterOption cluster = new ClusterOption();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path dir = index.resolve(Defaults.fromEnvironment());
    IndexStats s;
    List<IndexSource> read = List.of();
    boolean remote = cluster.wanted(index);
    try (NewsArchive news = remote ? cluster.open() : NewsIndex.open(dir)) {
      s = news.stats();
      if (news instanceof NewsIndex local) {
        read = local.sources();
      }
    }
    String where = remote ? cluster.display() : Defaults.display(dir);
    PrintWriter out = spec.commandLine().getOut();
    if (output.anyJson()) {
      try (JsonGenerator g = JsonSummary.generator(out)) {
        NewsJson.stats(g, s, remote ? where : dir.toAbsolutePath().normalize().toString(),
            remote ? null : read);
      }
      out.println();
    } else {
      out.println("index:     " + where);
      out.println(String.format(Locale.ROOT, "articles:  %,d (%,d deleted, not yet merged away)",
          s.articles(), s.deleted()));
      out.println(String.format(Locale.ROOT, "segments:  %d", s.segments()));
      out.println("size:      " + size(s.sizeOnDisk()) + " (" + s.compression().label()
          + " compression)");
      out.println("dates:     " + (s.firstDate() == null ? "(none)"
          : s.firstDate() + " to " + s.lastDate())
          + (s.undated() > 0 ? String.format(Locale.ROOT, " (%,d undated)", s.undated()) : ""));
      out.println("schema:    " + s.schema() + " (commit " + s.generation() + ")");
      if (!remote) {
        out.println("read from: " + (read.isEmpty() ? "(no recorded sources)"
            : read.size() + " recorded source" + (read.size() == 1 ? "" : "s")
            + ", read again by rebuild without PATH"));
        for (IndexSource r : read) {
          out.println("  " + r);
        }
      }
      out.println(String.format(Locale.ROOT, "sources:   %,d", s.bySource().size()));
      int shown = 0;
      for (Map.Entry<String, Long> e : s.bySource().entrySet()) {
        if (shown++ == sources) {
          out.println("  ... " + (s.bySource().size() - sources) + " more (--sources N)");
          break;
        }
        out.println(String.format(Locale.ROOT, "  %,10d  %s", e.getValue(),
            e.getKey().isEmpty() ? "(no source)" : e.getKey()));
      }
      for (Map.Entry<String, Map<String, Long>> label : s.byLabel().entrySet()) {
        Map<String, Long> counts = label.getValue();
        if (counts.isEmpty()) {
          continue;
        }
        out.println(String.format(Locale.ROOT, "%-10s %,d values", label.getKey() + ":",
            counts.size()));
        shown = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
          if (shown++ == sources) {
            out.println("  ... " + (counts.size() - sources) + " more (--sources N)");
            break;
          }
          out.println(String.format(Locale.ROOT, "  %,10d  %s", e.getValue(), e.getKey()));
        }
      }
    }
    out.flush();
    return ExitCode.OK.code;
  }

  static String size(long bytes) {
    if (bytes < 1 << 20) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1L << 30) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
