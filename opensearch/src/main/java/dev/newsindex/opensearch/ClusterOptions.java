package dev.newsindex.opensearch;

import dev.newsindex.InvalidRequestException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a cluster is and how to talk to it: its nodes' URLs, the index, basic-auth credentials, a
 * CA certificate for TLS, and timeouts. Every part may also come from the environment ({@link
 * #fromEnvironment}). {@link #toString} never shows the password.
 *
 * @param nodes the nodes' URLs ({@code http://} or {@code https://}), at least one; requests go to
 *     any of them and move on to the next when one is unreachable
 * @param index the index name
 * @param user the basic-auth user, or null for none
 * @param password the basic-auth password, or null
 * @param caCertificate a PEM or DER X.509 certificate that signs the cluster's TLS certificates,
 *     or null to trust the JDK's certificate authorities
 * @param connectTimeout how long connecting to a node may take
 * @param requestTimeout how long one request may take once sent
 */
public record ClusterOptions(List<URI> nodes, String index, String user, String password,
    Path caCertificate, Duration connectTimeout, Duration requestTimeout) {
  /** The environment variable with the nodes' URLs, comma-separated. */
  public static final String URL_ENV = "NEWSINDEX_OPENSEARCH";
  /** The environment variable with the index name. */
  public static final String INDEX_ENV = "NEWSINDEX_OPENSEARCH_INDEX";
  /** The environment variable with the basic-auth user. */
  public static final String USER_ENV = "NEWSINDEX_OPENSEARCH_USER";
  /** The environment variable with the basic-auth password. */
  public static final String PASSWORD_ENV = "NEWSINDEX_OPENSEARCH_PASSWORD";
  /** The environment variable with the path of the CA certificate. */
  public static final String CA_ENV = "NEWSINDEX_OPENSEARCH_CA";
  /** The index name when none is given. */
  public static final String DEFAULT_INDEX = "news";
  /** The connect timeout when none is given. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** The request timeout when none is given. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Checks the parts. */
  public ClusterOptions {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new InvalidRequestException("no OpenSearch URL; give --opensearch URL or set "
          + URL_ENV);
    }
    for (URI u : nodes) {
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new InvalidRequestException("not an OpenSearch URL: '" + safe(u)
            + "'; use http://host:9200 or https://host:9200");
      }
      if (u.getUserInfo() != null) {
        throw new InvalidRequestException("put the credentials in --opensearch-user and "
            + PASSWORD_ENV + ", not in the URL " + safe(u));
      }
    }
    Objects.requireNonNull(index, "index");
    if (index.isBlank() || !index.equals(index.toLowerCase(Locale.ROOT))
        || index.startsWith("_") || index.startsWith("-") || index.contains(",")
        || index.contains("*") || index.contains("/") || index.contains(" ")) {
      throw new InvalidRequestException("'" + index + "' is not an OpenSearch index name (lower"
          + " case; no spaces, commas, slashes or *; not starting with _ or -)");
    }
    if (user != null && password == null) {
      throw new InvalidRequestException("a user needs a password: set " + PASSWORD_ENV);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /**
   * Options for the nodes at {@code urls} (comma-separated) and the default index, without auth.
   *
   * @param urls one URL or several, comma-separated
   * @return the options
   * @throws InvalidRequestException when a URL is not an http or https URL
   */
  public static ClusterOptions of(String urls) {
    return new ClusterOptions(parseUrls(urls), DEFAULT_INDEX, null, null, null,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * Options from {@code env} ({@value #URL_ENV}, {@value #INDEX_ENV}, {@value #USER_ENV}, {@value
   * #PASSWORD_ENV}, {@value #CA_ENV}), each overridden by the matching argument when that is not
   * null.
   *
   * @param env the environment, e.g. {@link System#getenv()}
   * @param urls the URLs given on the command line, or null
   * @param index the index given, or null
   * @param user the user given, or null
   * @param ca the CA certificate given, or null
   * @return the options
   * @throws InvalidRequestException when no URL is given anywhere, or a part is malformed
   */
  public static ClusterOptions fromEnvironment(Map<String, String> env, String urls, String index,
      String user, Path ca) {
    String u = urls != null ? urls : env.get(URL_ENV);
    if (u == null || u.isBlank()) {
      throw new InvalidRequestException("no OpenSearch URL; give --opensearch URL or set "
          + URL_ENV);
    }
    String i = index != null ? index : env.getOrDefault(INDEX_ENV, DEFAULT_INDEX);
    String who = user != null ? user : blankToNull(env.get(USER_ENV));
    String ca2 = blankToNull(env.get(CA_ENV));
    return new ClusterOptions(parseUrls(u), i, who, who == null ? null
        : blankToNull(env.get(PASSWORD_ENV)), ca != null ? ca : ca2 == null ? null : Path.of(ca2),
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * These options for index {@code name}.
   *
   * @param name the index name
   * @return a copy with {@code name}
   */
  public ClusterOptions withIndex(String name) {
    return new ClusterOptions(nodes, name, user, password, caCertificate, connectTimeout,
        requestTimeout);
  }

  /**
   * These options with basic auth.
   *
   * @param user the user
   * @param password the password
   * @return a copy with the credentials
   */
  public ClusterOptions withCredentials(String user, String password) {
    return new ClusterOptions(nodes, index, user, password, caCertificate, connectTimeout,
        requestTimeout);
  }

  /**
   * These options trusting the CA certificate in {@code file}.
   *
   * @param file a PEM or DER X.509 certificate
   * @return a copy with the certificate
   */
  public ClusterOptions withCaCertificate(Path file) {
    return new ClusterOptions(nodes, index, user, password, file, connectTimeout, requestTimeout);
  }

  /**
   * These options with other timeouts.
   *
   * @param connect how long connecting may take
   * @param request how long one request may take
   * @return a copy with the timeouts
   */
  public ClusterOptions withTimeouts(Duration connect, Duration request) {
    return new ClusterOptions(nodes, index, user, password, caCertificate, connect, request);
  }

  /** The first node's URL, as errors name the cluster. */
  String where() {
    return safe(nodes.get(0)) + (nodes.size() > 1 ? " (and " + (nodes.size() - 1) + " more)" : "");
  }

  private static String safe(URI u) {
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static List<URI> parseUrls(String urls) {
    List<URI> out = new ArrayList<>();
    for (String part : urls.split(",")) {
      if (!part.isBlank()) {
        try {
          out.add(URI.create(part.strip()));
        } catch (IllegalArgumentException e) {
          throw new InvalidRequestException("not an OpenSearch URL: '" + part.strip()
              .replaceAll("//[^/@]*@", "//") + "'; use http://host:9200 or https://host:9200");
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "ClusterOptions[" + where() + ", index " + index
        + (user == null ? "" : ", user " + user + ", password ***")
        + (caCertificate == null ? "" : ", CA " + caCertificate) + "]";
  }
}
