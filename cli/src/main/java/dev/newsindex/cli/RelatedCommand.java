package dev.newsindex.cli;

import dev.newsindex.NewsArchive;
import dev.newsindex.NewsIndex;
import dev.newsindex.search.RelatedRequest;
import dev.newsindex.search.SearchResult;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex related ID}: articles like one in the index. */
@Command(name = "related", mixinStandardHelpOptions = true,
    description = {
        "Articles related to the article with the given id: the most distinctive words of its"
            + " title and body are searched for (more like this), the article itself left out.",
        "With --near-date, articles dated near it rank higher (the bonus halves at 30 days"
            + " apart)."})
final class RelatedCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Mixin
  OutputOption output;

  @Parameters(paramLabel = "ID", description = "The id of an indexed article.")
  String id;

  @Mixin
  LimitOption limit;

  @Mixin
  PassagesOption passages;

  @Option(names = "--near-date", description = "Prefer articles dated near the article.")
  boolean nearDate;

  @Mixin
  ClusterOption cluster = new ClusterOption();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Optional<SearchResult> result;
    try (NewsArchive news = cluster.wanted(index) ? cluster.open()
        : NewsIndex.open(index.resolve(Defaults.fromEnvironment()))) {
      result = news.related(new RelatedRequest(id, limit.limit, passages.passages,
          nearDate));
    }
    if (result.isEmpty()) {
      spec.commandLine().getErr().println("newsindex: no article with id '" + id
          + "' in the index");
      spec.commandLine().getErr().flush();
      return ExitCode.NO_INDEX.code;
    }
    return SearchCommand.render(result.get(), output, spec);
  }
}
