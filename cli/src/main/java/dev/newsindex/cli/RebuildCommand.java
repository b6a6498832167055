package dev.newsindex.cli;

import dev.newsindex.ingest.IngestStoppedException;
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

/** {@code newsindex rebuild}: a fresh index from the sources, switched to only when complete. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = {
        "Build the index afresh from the given sources, beside the live one, and switch over only"
            + " when it is complete. Searches meanwhile (and readers opened before) see the old"
            + " index; if the rebuild fails or is killed, the old index stays as it was; so"
            + " it does after Ctrl-C or SIGTERM (exit 130 or 143).",
        "Use it to change the index's stemmer or compression (rebuild --stemmer kstem), after"
            + " deleting many articles, or when newsindex says the index was built with another"
            + " schema. Takes the same inputs and options as index; settings not given are kept"
            + " from the old index.",
        "Without PATH, an index other than the default one is rebuilt from the sources it records"
            + " (every path an index run read, with its --format and --id-prefix; see stats); an"
            + " index that records none is refused. The default index is rebuilt from the bundled"
            + " articles."})
final class RebuildCommand implements Callable<Integer> {
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
    // No PATH on an index of the user's own: the sources it records (refused when there are none).
    boolean recorded = inputs.isEmpty();
    IngestReporter reporter = ingest.reporter(err);
    IngestSummary summary;
    try (StopSignal stop = StopSignal.install()) {
      try {
        summary = recorded
            ? NewsIndex.rebuild(dir, ingest.options(), settings.changes(), stop.stopping(reporter))
            : NewsIndex.rebuild(dir, inputs, ingest.options(), settings.changes(),
                stop.stopping(reporter));
      } catch (IngestStoppedException stopped) {
        reporter.clear();
        err.println(String.format(Locale.ROOT, "newsindex: interrupted: %,d read, nothing"
            + " committed; %s keeps the index it had; run the same command again to finish",
            stopped.read(), Defaults.display(dir)));
        err.flush();
        return stop.requested().orElse(ExitCode.INTERRUPTED).code;
      } finally {
        reporter.finish();
      }
    }
    if (IngestOptionsMixin.nothingIndexed(summary)) {
      err.println("newsindex: every record read was skipped (" + summary.skipped() + "); "
          + Defaults.display(dir) + " was left as it was");
      err.flush();
      return ExitCode.NOTHING_INDEXED.code;
    }
    int total;
    int sources;
    try (NewsIndex news = NewsIndex.open(dir)) {
      total = news.size();
      sources = news.sources().size();
    }
    ingest.printSummary(out, "rebuild", summary, dir, total, String.format(Locale.ROOT,
        "rebuilt %s: %d articles (%d repeated ids replaced%s, %d skipped) in %.1f s%s",
        Defaults.display(dir), total, summary.updated() + summary.unchanged(),
        IndexCommand.otherSource(summary), summary.skipped(),
        summary.elapsed().toMillis() / 1000.0, recorded ? "; read again from its " + sources
            + " recorded source" + (sources == 1 ? "" : "s") : ""));
    return IngestOptionsMixin.exitCode(summary);
  }
}
