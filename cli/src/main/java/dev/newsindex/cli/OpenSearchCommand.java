package dev.newsindex.cli;

import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.opensearch.ClusterOptions;
import dev.newsindex.opensearch.OpenSearchArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex opensearch mapping|push}: newsindex's index on an OpenSearch cluster. */
@Command(name = "opensearch", mixinStandardHelpOptions = true,
    subcommands = {OpenSearchCommand.Mapping.class, OpenSearchCommand.Push.class},
    description = {
        "newsindex on an OpenSearch cluster with the newsindex plugin installed (see"
            + " docs/opensearch.md): print the index definition, or push articles into it.",
        "search, related, get, stats and delete take --opensearch URL to read the cluster's"
            + " index."})
final class OpenSearchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The shards and replicas of a new index. */
  static final class Layout {
    @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
        description = "Primary shards of a new index (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "0",
        description = "Copies of each shard of a new index (default: ${DEFAULT-VALUE}; 1 or more"
            + " keeps every article through the loss of a node).")
    int replicas;
  }

  /** {@code newsindex opensearch mapping}: the settings and mappings, generated from the schema. */
  @Command(name = "mapping", mixinStandardHelpOptions = true,
      description = "Print the index definition (settings and mappings) that push creates,"
          + " generated from newsindex's schema, for PUT /INDEX.")
  static final class Mapping implements Callable<Integer> {
    @Mixin
    Layout layout;

    @Mixin
    SettingsOptions settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      IndexSettings chosen = settings.changes().apply(IndexSettings.DEFAULT);
      PrintWriter out = spec.commandLine().getOut();
      out.println(OpenSearchArchive.definition(chosen, layout.shards, layout.replicas));
      out.flush();
      return ExitCode.OK.code;
    }
  }

  /** {@code newsindex opensearch push}: reads articles and upserts them into a cluster's index. */
  @Command(name = "push", mixinStandardHelpOptions = true,
      description = {
          "Read news files, directories, glob patterns or - (standard input) as index does, and"
              + " upsert the articles by id into the index on the cluster, creating it if"
              + " needed. Articles the cluster holds unchanged are not sent again.",
          "Bulk requests of at most --bulk-size bytes, --threads of them at once; refused and"
              + " failed requests are retried with backoff while the cluster is overloaded or a"
              + " node is lost. Run the same push again after an interruption to finish it.",
          "The settings (stemmer, synonyms, BM25, compression) are those of a new index; an"
              + " existing one keeps its own. --compression small is OpenSearch's"
              + " best_compression codec."})
  static final class Push implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", description = "The cluster's node URLs,"
        + " comma-separated (default: $NEWSINDEX_OPENSEARCH).")
    String url;

    @Option(names = "--index", paramLabel = "NAME", description = "The index on the cluster"
        + " (default: $NEWSINDEX_OPENSEARCH_INDEX, else news).")
    String index;

    @Mixin
    ClusterOption.Access access;

    @Mixin
    Layout layout;

    @Mixin
    SettingsOptions settings;

    @Mixin
    IngestOptionsMixin ingest;

    @Option(names = "--bulk-size", paramLabel = "BYTES", defaultValue = "5242880",
        description = "The most bytes of articles in one bulk request (default:"
            + " ${DEFAULT-VALUE}).")
    long bulkBytes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Defaults defaults = Defaults.fromEnvironment();
      ClusterOptions cluster = access.options(url, index);
      IndexSettings chosen = settings.changes().apply(IndexSettings.DEFAULT);
      PrintWriter out = spec.commandLine().getOut();
      IngestReporter reporter = ingest.reporter(spec.commandLine().getErr());
      IngestSummary s;
      long total;
      try {
        s = OpenSearchArchive.push(cluster, chosen, layout.shards, layout.replicas,
            ingest.inputs(defaults), ingest.options(), bulkBytes, reporter);
      } finally {
        reporter.clear();
      }
      try (OpenSearchArchive archive = OpenSearchArchive.open(cluster)) {
        total = archive.size();
      }
      java.net.URI node = cluster.nodes().get(0);
      String where = "index '" + cluster.index() + "' on " + node.getScheme() + "://"
          + node.getHost() + (node.getPort() < 0 ? "" : ":" + node.getPort());
      if (ingest.output.anyJson()) {
        JsonSummary.print(out, "opensearch push", s, where, total);
      } else if (!ingest.quiet) {
        out.println(String.format(Locale.ROOT,
            "indexed %d, updated %d, unchanged %d, skipped %d in %.1f s; %s holds %d articles",
            s.indexed(), s.updated(), s.unchanged(), s.skipped(),
            s.elapsed().toMillis() / 1000.0, where, total));
      }
      out.flush();
      return ExitCode.OK.code;
    }
  }
}
