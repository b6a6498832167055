package dev.newsindex.cli;

import dev.newsindex.NewsArchive;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.newsindex.search.DateBounds;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex delete}: removes articles by id, by query or by date. */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = {
        "Delete articles from an index: by id, by query (the search syntax), or every article"
            + " dated before a day. The criteria add up. Prints how many were deleted.",
        "Deleted articles stop matching at once; their space is reclaimed as segments merge (or"
            + " with optimize)."})
final class DeleteCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Ids of articles to delete.")
  List<String> ids;

  @Option(names = "--query", paramLabel = "QUERY",
      description = "Delete every article matching QUERY (all terms required), e.g."
          + " 'source:\"Gulf Harbor Wire\"'.")
  String query;

  @Option(names = "--before", paramLabel = "DATE", converter = DateConverter.class,
      description = "Delete every article dated before DATE (a month or year: before its first"
          + " day; same forms as search --since); undated ones stay.")
  String before;

  @Mixin
  ClusterOption cluster = new ClusterOption();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    boolean byIds = ids != null && !ids.isEmpty();
    if (!byIds && query == null && before == null) {
      throw new ParameterException(spec.commandLine(),
          "say what to delete: ids, --query QUERY or --before DATE");
    }
    Path dir = index.resolve(Defaults.fromEnvironment());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long deleted = 0;
    long idsFound = 0;
    int total;
    boolean remote = cluster.wanted(index);
    try (StopSignal stop = StopSignal.install();
        NewsArchive news = remote ? cluster.open() : NewsIndex.open(dir)) {
      if (byIds) {
        for (String id : ids) {
          if (stop.requested().isPresent()) {
            break;
          }
          if (news.delete(id)) {
            idsFound++;
          } else {
            err.println("newsindex: no article with id " + id);
          }
        }
        deleted += idsFound;
      }
      if (query != null) {
        deleted += news.deleteMatching(query);
      }
      if (before != null) {
        deleted += news.deleteBefore(DateBounds.start(before, LocalDate.now()));
      }
      if (stop.requested().isPresent() && !remote) {
        // Nothing committed yet: closing rolls the deletes back, all of them at once.
        err.println("newsindex: interrupted: nothing deleted; run the same command again");
        err.flush();
        return stop.requested().get().code;
      }
      news.commit();
      total = news.size();
    }
    out.println("deleted " + deleted + " article" + (deleted == 1 ? "" : "s") + "; "
        + (remote ? cluster.display() : Defaults.display(dir)) + " holds " + total
        + " articles");
    out.flush();
    err.flush();
    boolean onlyIds = query == null && before == null;
    return onlyIds && idsFound == 0 ? ExitCode.NO_INDEX.code : ExitCode.OK.code;
  }
}
