package dev.newsindex.cli;

import dev.newsindex.IndexSettings;
import dev.newsindex.Compression;
import dev.newsindex.ingest.IngestStoppedException;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex index}: reads articles and upserts them into an index. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
        "Index news files, directories (recursively), glob patterns ('feeds/**/*.jsonl.gz') or"
            + " - (standard input) into an on-disk index, creating it if needed. Articles are"
            + " upserted by id: indexing the same files again changes nothing (counted as"
            + " unchanged), a changed article is replaced (updated).",
        "Formats: the MENAFN text feed, JSON Lines, TREC SGML, RSS and Atom feeds, HTML article"
            + " pages and WARC crawls, recognised by name and content (or named with --format);"
            + " gzip-compressed files are read transparently.",
        "Commits every --commit-every articles and at the end: an interrupted run keeps what it"
            + " committed, and running it again completes it. Ctrl-C or SIGTERM stops at the next"
            + " article, commits what was written and exits with 130 or 143 (a second Ctrl-C stops"
            + " at once, keeping the last commit). Shows a progress bar on a terminal"
            + " (not with NO_COLOR); prints one summary line (or JSON with --json); each skipped"
            + " file or line is named on stderr with the reason.",
        "Each path is recorded in the index, with its --format and --id-prefix, for rebuild to"
            + " read again (see stats). Without PATH, the bundled sample articles go into the"
            + " default index; any other index needs PATH.",
        "Settings (stemmer, synonyms, BM25, compression) are stored in the index, and searches use"
            + " them. On an existing index, synonyms and BM25 can change; the stemmer and the"
            + " compression change only with rebuild."})
final class IndexCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Mixin
  IngestOptionsMixin ingest;

  @Mixin
  SettingsOptions settings;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Defaults defaults = Defaults.fromEnvironment();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = index.resolve(defaults);
    List<Path> inputs = ingest.inputs(defaults, dir);
    if (inputs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no PATH given: the bundled sample"
          + " articles go into the default index only; name what to add: newsindex index --index "
          + Defaults.display(dir) + " PATH...");
    }
    UnaryOperator<IndexSettings> change = settings.changes();
    IngestReporter reporter = ingest.reporter(err);
    IngestSummary summary;
    int total;
    try (StopSignal stop = StopSignal.install(); NewsIndex news = open(dir, change)) {
      Compression kept = news.settings().compression();
      if (settings.compression != null && kept != settings.compression) {
        err.println("newsindex: " + Defaults.display(dir) + " keeps its " + kept.label()
            + " compression; to change it: newsindex rebuild --compression "
            + settings.compression.label() + " --index " + Defaults.display(dir) + " PATH...");
      }
      try {
        summary = news.ingest(inputs, ingest.options(), stop.stopping(reporter));
      } catch (IngestStoppedException stopped) {
        reporter.clear();
        err.println(String.format(Locale.ROOT, "newsindex: interrupted: %,d read, %,d committed;"
            + " run the same command again to finish", stopped.read(), stopped.committed()));
        err.flush();
        return stop.requested().orElse(ExitCode.INTERRUPTED).code;
      } finally {
        reporter.finish();
      }
      total = news.size();
    }
    ingest.printSummary(out, "index", summary, dir, total, summaryLine(summary, dir, total));
    return IngestOptionsMixin.exitCode(summary);
  }

  /**
   * The index at {@code dir}, created with the settings given, or opened with them applied to its
   * own (a different stemmer is refused with the rebuild command to run).
   */
  private NewsIndex open(Path dir, UnaryOperator<IndexSettings> change) throws IOException {
    if (!settings.given()) {
      return NewsIndex.openOrCreate(dir);
    }
    IndexSettings base = IndexSettings.DEFAULT;
    if (NewsIndex.exists(dir)) {
      try (NewsIndex existing = NewsIndex.open(dir)) {
        base = existing.settings();
      }
    }
    return NewsIndex.openOrCreate(dir, change.apply(base));
  }

  /** One line: counts per outcome, elapsed time, and the index's size afterwards. */
  static String summaryLine(IngestSummary s, Path dir, int total) {
    return String.format(Locale.ROOT,
        "indexed %d, updated %d%s, unchanged %d, skipped %d in %.1f s; %s holds %d articles",
        s.indexed(), s.updated(), otherSource(s), s.unchanged(), s.skipped(),
        s.elapsed().toMillis() / 1000.0, Defaults.display(dir), total);
  }

  /** ", of which N replaced an article of another source" when some did, else nothing. */
  static String otherSource(IngestSummary s) {
    return s.replacedFromOtherSource() == 0 ? "" : String.format(Locale.ROOT,
        ", of which %d replaced an article of another source", s.replacedFromOtherSource());
  }
}
