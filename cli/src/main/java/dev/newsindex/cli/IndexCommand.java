package dev.newsindex.cli;

import dev.newsindex.IndexSettings;
import dev.newsindex.IngestListener;
import dev.newsindex.IngestSummary;
import dev.newsindex.NewsIndex;
import dev.newsindex.ingest.Origin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex index}: reads articles and upserts them into an index. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {
        "Index news files and directories (recursively) into an on-disk index, creating it if"
            + " needed. Articles are upserted by id: indexing the same files again adds nothing.",
        "Formats: the MENAFN text feed and JSON Lines (.jsonl), recognised by content.",
        "Analysis settings (stemmer, synonyms, BM25) are stored in the index; searches use them.",
        "Prints one summary line; each skipped file or line is named on stderr with the reason."})
final class IndexCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Mixin
  AnalysisOptions analysis;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories to index (default: index-data/articles in the"
          + " newsindex home).")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Defaults defaults = Defaults.fromEnvironment();
    List<Path> inputs = paths == null || paths.isEmpty() ? List.of(defaults.articles()) : paths;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = index.resolve(defaults);
    IngestSummary summary;
    int total;
    try (NewsIndex news = open(dir)) {
      summary = news.ingest(inputs, new SkipReporter(err));
      total = news.size();
    }
    out.println(summaryLine(summary, dir, total));
    out.flush();
    return ExitCode.OK.code;
  }

  /** The index at {@code dir}, created or updated with the analysis options given. */
  private NewsIndex open(Path dir) throws IOException {
    if (!analysis.given()) {
      return NewsIndex.openOrCreate(dir);
    }
    IndexSettings base = IndexSettings.DEFAULT;
    if (NewsIndex.exists(dir)) {
      try (NewsIndex existing = NewsIndex.open(dir)) {
        base = existing.settings();
      }
    }
    return NewsIndex.openOrCreate(dir, analysis.apply(base));
  }

  /** One line: counts per outcome, elapsed time, and the index's size afterwards. */
  static String summaryLine(IngestSummary s, Path dir, int total) {
    return String.format(Locale.ROOT,
        "indexed %d, updated %d, unchanged %d, skipped %d in %.1f s; %s holds %d articles",
        s.indexed(), s.updated(), s.unchanged(), s.skipped(), s.elapsed().toMillis() / 1000.0,
        Defaults.display(dir), total);
  }

  /** Names each skipped file or line, with its reason, on stderr. */
  record SkipReporter(PrintWriter err) implements IngestListener {
    @Override
    public void skipped(Origin origin, String reason) {
      String file = Defaults.display(Path.of(origin.file()));
      String where = origin.line() > 0 ? file + ":" + origin.line() : file;
      err.println("newsindex: skipped " + where + ": " + reason);
    }
  }
}
