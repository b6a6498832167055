package dev.newsindex.cli;

import dev.newsindex.status.IndexStats;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex optimize}: merges segments. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
    description = {"Merge the index's segments (Lucene's forceMerge), reclaiming the space of"
        + " deleted and replaced articles.",
        "Costly: it rewrites the whole index, needs as much free disk space again while it runs,"
            + " and blocks other writers; searches keep working. Rarely needed: Lucene merges as it"
            + " goes."})
final class OptimizeCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Option(names = "--max-segments", paramLabel = "N", defaultValue = "1",
      description = "Merge down to at most N segments (default: ${DEFAULT-VALUE}).")
  int maxSegments;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path dir = index.resolve(Defaults.fromEnvironment());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (NewsIndex news = NewsIndex.open(dir)) {
      IndexStats before = news.stats();
      err.println(String.format(Locale.ROOT, "newsindex: optimizing rewrites the whole index (%s,"
          + " %d segments) and needs as much free disk space again; this can take a while",
          StatsCommand.size(before.sizeOnDisk()), before.segments()));
      err.flush();
      news.optimize(maxSegments);
      IndexStats after = news.stats();
      out.println(String.format(Locale.ROOT, "optimized %s: %d -> %d segments, %s -> %s,"
          + " %d deleted articles reclaimed", Defaults.display(dir), before.segments(),
          after.segments(), StatsCommand.size(before.sizeOnDisk()),
          StatsCommand.size(after.sizeOnDisk()), before.deleted() - after.deleted()));
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
