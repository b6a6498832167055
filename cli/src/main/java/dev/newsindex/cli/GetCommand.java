package dev.newsindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsindex.Article;
import dev.newsindex.NewsArchive;
import dev.newsindex.NewsIndex;
import dev.newsindex.json.NewsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex get ID}: the stored article. */
@Command(name = "get", mixinStandardHelpOptions = true,
    description = "Print the stored article with the given id: its fields, then its text; as JSON,"
        + " the fields of a JSON Lines feed (id, title, date, source, url, body) and its metadata.")
final class GetCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Parameters(paramLabel = "ID", description = "The article's id.")
  String id;

  @Mixin
  OutputOption output;

  @Mixin
  ClusterOption cluster = new ClusterOption();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path dir = index.resolve(Defaults.fromEnvironment());
    Optional<Article> found;
    boolean remote = cluster.wanted(index);
    try (NewsArchive news = remote ? cluster.open() : NewsIndex.open(dir)) {
      found = news.get(id);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (found.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("newsindex: no article with id " + id + " in "
          + (remote ? cluster.display() : Defaults.display(dir)));
      err.flush();
      return ExitCode.NO_INDEX.code;
    }
    Article a = found.get();
    if (output.anyJson()) {
      try (JsonGenerator g = JsonSummary.generator(out)) {
        NewsJson.article(g, a);
      }
      out.println();
    } else {
      // Article text, made safe for a terminal (Printable).
      out.println("id:     " + Printable.line(a.id()));
      out.println("title:  " + Printable.line(a.title()));
      out.println("date:   " + (a.date() == null ? "(none)" : a.date()));
      out.println("source: " + (a.source().isEmpty() ? "(none)" : Printable.line(a.source())));
      if (!a.url().isEmpty()) {
        out.println("url:    " + Printable.line(a.url()));
      }
      label(out, "category", a.categories());
      label(out, "topic", a.topics());
      label(out, "place", a.places());
      label(out, "author", a.authors());
      if (!a.lang().isEmpty()) {
        out.println("lang:   " + Printable.line(a.lang()));
      }
      for (Map.Entry<String, String> e : a.metadata().entrySet()) {
        out.println(Printable.line(e.getKey()) + ": " + Printable.line(e.getValue()));
      }
      out.println();
      out.println(Printable.text(a.body()));
    }
    out.flush();
    return ExitCode.OK.code;
  }

  private static void label(PrintWriter out, String name, java.util.List<String> values) {
    if (!values.isEmpty()) {
      out.println(name + ": " + Printable.line(String.join(" | ", values)));
    }
  }
}
