package dev.newsindex.cli;

import dev.newsindex.status.CheckReport;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex check}: Lucene's CheckIndex over the index. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Verify the index with Lucene's CheckIndex: reads every file of the last commit"
        + " and checks checksums and structures. Needs the write lock (not while indexing).",
        "Exit code 0 when the index is sound, 7 when it is damaged (rebuild it)."})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Option(names = "--log", description = "Print CheckIndex's full report too.")
  boolean log;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path dir = index.resolve(Defaults.fromEnvironment());
    CheckReport report = NewsIndex.check(dir);
    PrintWriter out = spec.commandLine().getOut();
    if (log) {
      report.log().forEach(out::println);
    }
    if (report.clean()) {
      out.println("ok: " + Defaults.display(dir) + " is sound (" + report.segments()
          + " segments, " + report.articles() + " articles)");
    } else {
      out.println("damaged: " + Defaults.display(dir) + ": " + String.join("; ",
          report.problems()) + "; rebuild it with newsindex rebuild");
    }
    out.flush();
    return report.clean() ? ExitCode.OK.code : ExitCode.DAMAGED.code;
  }
}
