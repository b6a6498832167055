package dev.newsindex.cli;

import dev.newsindex.IndexSettings;
import dev.newsindex.Compression;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex index}: reads articles and upserts them into an index. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
        "Index news files, directories (recursively), glob patterns ('feeds/**/*.jsonl.gz') or"
            + " - (standard input) into an on-disk index, creating it if needed. Articles are"
            + " upserted by id: indexing the same files again changes nothing (counted as"
            + " unchanged), a changed article is replaced (updated).",
        "Formats: the MENAFN text feed, JSON Lines and TREC SGML, recognised by name and content"
            + " (or named with --format); gzip-compressed files are read transparently.",
        "Commits every --commit-every articles and at the end: an interrupted run keeps what it"
            + " committed, and running it again completes it. Shows a progress bar when stderr"
            + " is a terminal; prints one summary line (or JSON with --json); each skipped file or"
            + " line is named on stderr with the reason.",
        "Analysis settings (stemmer, synonyms, BM25) are stored in the index; searches use them."})
final class IndexCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Mixin
  IngestOptionsMixin ingest;

  @Mixin
  AnalysisOptions analysis;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Defaults defaults = Defaults.fromEnvironment();
    List<Path> inputs = ingest.inputs(defaults);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = index.resolve(defaults);
    IngestReporter reporter = ingest.reporter(err);
    IngestSummary summary;
    int total;
    Compression wanted = ingest.compression;
    try (NewsIndex news = open(dir, wanted == null ? Compression.FAST : wanted)) {
      if (wanted != null && news.settings().compression() != wanted) {
        err.println("newsindex: " + Defaults.display(dir) + " keeps its " + news.settings()
            .compression().label() + " compression; to change it: newsindex rebuild --compression "
            + wanted.label() + " --index " + Defaults.display(dir) + " PATH...");
      }
      try {
        summary = news.ingest(inputs, ingest.options(), reporter);
      } finally {
        reporter.clear();
      }
      total = news.size();
    }
    ingest.printSummary(out, "index", summary, dir, total, summaryLine(summary, dir, total));
    return ExitCode.OK.code;
  }

  /** The index at {@code dir}, created or updated with the analysis options given. */
  private NewsIndex open(Path dir, Compression compression) throws IOException {
    if (!analysis.given()) {
      return NewsIndex.openOrCreate(dir, IndexSettings.DEFAULT.withCompression(compression));
    }
    IndexSettings base = IndexSettings.DEFAULT;
    if (NewsIndex.exists(dir)) {
      try (NewsIndex existing = NewsIndex.open(dir)) {
        base = existing.settings();
      }
    }
    return NewsIndex.openOrCreate(dir, analysis.apply(base).withCompression(compression));
  }

  /** One line: counts per outcome, elapsed time, and the index's size afterwards. */
  static String summaryLine(IngestSummary s, Path dir, int total) {
    return String.format(Locale.ROOT,
        "indexed %d, updated %d, unchanged %d, skipped %d in %.1f s; %s holds %d articles",
        s.indexed(), s.updated(), s.unchanged(), s.skipped(), s.elapsed().toMillis() / 1000.0,
        Defaults.display(dir), total);
  }
}
