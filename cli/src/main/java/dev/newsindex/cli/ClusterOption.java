package dev.newsindex.cli;

import dev.newsindex.InvalidRequestException;
import dev.newsindex.NewsArchive;
import dev.newsindex.opensearch.ClusterOptions;
import dev.newsindex.opensearch.OpenSearchArchive;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that point a reading command at an index on an OpenSearch cluster instead of a
 * local one: {@code --opensearch URL} (or {@code $NEWSINDEX_OPENSEARCH}) and how to reach it. The
 * password comes from {@code $NEWSINDEX_OPENSEARCH_PASSWORD} only, never from the command line.
 */
final class ClusterOption {
  @Option(names = "--opensearch", paramLabel = "URL",
      description = "Use the index on this OpenSearch cluster (the newsindex plugin installed)"
          + " instead of a local one: one or more node URLs, comma-separated (default:"
          + " $NEWSINDEX_OPENSEARCH unless --index is given).")
  String urls;

  @Option(names = "--opensearch-index", paramLabel = "NAME",
      description = "The index on the cluster (default: $NEWSINDEX_OPENSEARCH_INDEX, else news).")
  String name;

  @Mixin
  Access access = new Access();

  /** How to reach a cluster: basic auth and TLS; {@code opensearch push} takes them too. */
  static final class Access {
    @Option(names = "--opensearch-user", paramLabel = "USER",
        description = "Basic-auth user (default: $NEWSINDEX_OPENSEARCH_USER); the password is"
            + " read from $NEWSINDEX_OPENSEARCH_PASSWORD, never from the command line.")
    String user;

    @Option(names = "--opensearch-ca", paramLabel = "FILE",
        description = "The CA certificate (PEM or DER) the cluster's TLS certificates are signed"
            + " with (default: $NEWSINDEX_OPENSEARCH_CA).")
    Path ca;

    /** The cluster at {@code urls} (null: the environment's), index {@code index} (null: same). */
    ClusterOptions options(String urls, String index) {
      return ClusterOptions.fromEnvironment(System.getenv(), urls, index, user, ca);
    }
  }

  /** Whether the command is to use a cluster: named here, or in the environment without --index. */
  boolean wanted(IndexOption index) {
    if (urls != null && index.given()) {
      throw new InvalidRequestException("give --index DIR or --opensearch URL, not both");
    }
    String env = System.getenv(ClusterOptions.URL_ENV);
    return urls != null || !index.given() && env != null && !env.isBlank();
  }

  /** How to reach the cluster, from these options and the environment. */
  ClusterOptions options() {
    return access.options(urls, name);
  }

  /** The cluster's archive; the caller closes it. */
  NewsArchive open() throws IOException {
    return OpenSearchArchive.open(options());
  }

  /** The index as messages name it: {@code index 'news' on http://host:9200}. */
  String display() {
    ClusterOptions o = options();
    java.net.URI u = o.nodes().get(0);
    return "index '" + o.index() + "' on " + u.getScheme() + "://" + u.getHost()
        + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }
}
