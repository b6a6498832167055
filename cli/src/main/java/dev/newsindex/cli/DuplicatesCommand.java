package dev.newsindex.cli;

import dev.newsindex.NewsIndex;
import dev.newsindex.search.DuplicateReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex duplicates}: groups of near-duplicate articles. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
    description = {
        "List groups of near-duplicate articles (a wire story republished with small edits),"
            + " largest first, each earliest first.",
        "Two articles are near-duplicates when their bodies share at least --threshold of their"
            + " word 3-shingles (estimated from MinHash signatures made at index time)."})
final class DuplicatesCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Mixin
  OutputOption output;

  /** The N largest groups. */
  @Mixin
  LimitOption limit;

  @Option(names = "--threshold", paramLabel = "S", defaultValue = "" + DuplicateReport.DEFAULT_THRESHOLD,
      description = "Resemblance from which articles count as copies, above 0 and at most 1"
          + " (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (limit.limit < 1) {
      throw new ParameterException(spec.commandLine(),
          "--limit must be at least 1, not " + limit.limit);
    }
    DuplicateReport report;
    try (NewsIndex news = NewsIndex.open(index.resolve(Defaults.fromEnvironment()))) {
      report = news.duplicates(limit.limit, threshold);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      new JsonHits(out).duplicates(report);
    } else if (output.ndjson()) {
      new JsonHits(out).duplicateLines(report);
    } else {
      new TextHits(out, SearchCommand.colour(spec)).print(report);
    }
    out.flush();
    return report.groupCount() == 0 ? ExitCode.NO_HITS.code : ExitCode.OK.code;
  }
}
