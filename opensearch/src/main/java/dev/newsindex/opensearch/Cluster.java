package dev.newsindex.opensearch;

import dev.newsindex.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A connection to a cluster through opensearch-java's {@link ApacheHttpClient5Transport} (pooled,
 * failing over among the nodes given, TLS with the given CA, basic auth), sending JSON and
 * returning JSON trees. Requests are retried with exponential backoff while a node is unreachable
 * or the cluster answers 429 (too many requests) or 502 to 504 (a node or shard moving): every
 * request newsindex sends is idempotent (writes carry the article's id). Errors become {@link
 * ClusterException}s with one line that names the cluster, never the credentials. Thread-safe.
 */
final class Cluster implements Closeable {
  /** How often one request is tried at most while the cluster is unreachable or overloaded. */
  static final int ATTEMPTS = 8;
  private static final long FIRST_BACKOFF_MILLIS = 250;
  private static final long MAX_BACKOFF_MILLIS = 8_000;

  static final ObjectMapper JSON = new ObjectMapper();

  private final ClusterOptions options;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;
  /** Whether any node ever answered: until one has, an unreachable cluster fails at once. */
  private volatile boolean answered;

  Cluster(ClusterOptions options) {
    this.options = options;
    HttpHost[] hosts = options.nodes().stream()
        .map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort()))
        .toArray(HttpHost[]::new);
    SSLContext tls = options.caCertificate() == null ? null : trusting(options);
    BasicCredentialsProvider credentials = null;
    if (options.user() != null) {
      credentials = new BasicCredentialsProvider();
      for (HttpHost h : hosts) {
        credentials.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(
            options.user(), options.password().toCharArray()));
      }
    }
    BasicCredentialsProvider auth = credentials;
    Timeout connect = Timeout.ofMilliseconds(options.connectTimeout().toMillis());
    Timeout request = Timeout.ofMilliseconds(options.requestTimeout().toMillis());
    transport = ApacheHttpClient5TransportBuilder.builder(hosts)
        .setMapper(new JacksonJsonpMapper(JSON))
        .setHttpClientConfigCallback(b -> {
          PoolingAsyncClientConnectionManagerBuilder pool =
              PoolingAsyncClientConnectionManagerBuilder.create()
                  .setDefaultConnectionConfig(ConnectionConfig.custom()
                      .setConnectTimeout(connect).setSocketTimeout(request).build())
                  .setMaxConnPerRoute(16).setMaxConnTotal(64);
          if (tls != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildAsync());
          }
          b.setConnectionManager(pool.build());
          if (auth != null) {
            b.setDefaultCredentialsProvider(auth);
          }
          return b;
        })
        .setRequestConfigCallback(b -> b.setResponseTimeout(request)
            .setConnectionRequestTimeout(connect))
        .build();
    client = new OpenSearchGenericClient(transport);
  }

  ClusterOptions options() {
    return options;
  }

  private static SSLContext trusting(ClusterOptions options) {
    try (InputStream in = Files.newInputStream(options.caCertificate())) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(in);
      if (certs.isEmpty()) {
        throw new InvalidRequestException(options.caCertificate() + " holds no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(
          TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (NoSuchFileException e) {
      throw new InvalidRequestException("no CA certificate at " + options.caCertificate());
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidRequestException("cannot read the CA certificate "
          + options.caCertificate() + ": " + e.getMessage());
    }
  }

  /** The answer of one request: its status and JSON body (missing when it had none). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Sends a JSON request and returns the answer, retrying while the cluster is unavailable. */
  Answer send(String method, String path, Map<String, String> params, JsonNode body)
      throws IOException {
    byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
    return send(method, path, params, bytes, "application/json");
  }

  /** Sends {@code body} of {@code contentType} (e.g. a bulk request's NDJSON). */
  Answer send(String method, String path, Map<String, String> params, byte[] body,
      String contentType) throws IOException {
    long backoff = FIRST_BACKOFF_MILLIS;
    IOException lastFailure = null;
    Answer last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        last = once(method, path, params, body, contentType);
        answered = true;
        if (!retryable(last.status())) {
          return last;
        }
      } catch (IOException e) {
        lastFailure = e;
        if (!answered && attempt >= 2) {
          break; // a mistyped URL or a cluster that is down: say so now, not after a minute
        }
      }
      if (attempt < ATTEMPTS) {
        sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
    if (last != null) {
      return last;
    }
    throw unreachable(lastFailure);
  }

  /** Whether an answer with {@code status} is worth asking again: overloaded or moving. */
  static boolean retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private Answer once(String method, String path, Map<String, String> params, byte[] body,
      String contentType) throws IOException {
    var builder = Requests.builder().method(method).endpoint(path)
        .query(params == null ? Map.of() : params);
    if (body != null) {
      builder.body(Body.from(body, contentType));
    }
    Request request = builder.build();
    try (Response response = client.execute(request)) {
      JsonNode json = MissingNode.getInstance();
      if (response.getBody().isPresent()) {
        try (Body b = response.getBody().get(); InputStream in = b.body()) {
          byte[] read = in.readAllBytes();
          if (read.length > 0) {
            try {
              json = JSON.readTree(read);
            } catch (IOException notJson) {
              json = JSON.getNodeFactory().objectNode().put("error",
                  new String(read, java.nio.charset.StandardCharsets.UTF_8).strip());
            }
          }
        }
      }
      return new Answer(response.getStatus(), json);
    } catch (RuntimeException e) {
      // The transport wraps some I/O failures (a node that went away mid-request) unchecked.
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /**
   * A JSON request that must succeed: a failed answer becomes a {@link ClusterException} naming
   * {@code what} was being done.
   */
  JsonNode call(String what, String method, String path, Map<String, String> params,
      JsonNode body) throws IOException {
    Answer a = send(method, path, params, body);
    if (!a.ok()) {
      throw failure(what, a);
    }
    return a.body();
  }

  /** The exception for a failed answer while doing {@code what}. */
  ClusterException failure(String what, Answer a) {
    String type = a.body().path("error").path("type").asText("");
    String reason = reason(a.body());
    if (a.status() == 401 || a.status() == 403) {
      return new ClusterException(ClusterException.Reason.AUTHENTICATION, "the cluster at "
          + options.where() + " refused " + (options.user() == null ? "a request without"
          + " credentials" : "the credentials of user '" + options.user() + "'") + " ("
          + a.status() + ") while " + what + "; check --opensearch-user and "
          + ClusterOptions.PASSWORD_ENV, null);
    }
    if (type.equals("index_not_found_exception") || a.status() == 404 && type.isEmpty()
        && what.contains("index")) {
      return noIndex();
    }
    if (retryable(a.status())) {
      return new ClusterException(ClusterException.Reason.UNREACHABLE, "the cluster at "
          + options.where() + " stayed unavailable (" + a.status() + ") while " + what
          + " after " + ATTEMPTS + " attempts: " + reason, null);
    }
    return new ClusterException(ClusterException.Reason.REFUSED, "the cluster at "
        + options.where() + " refused " + what + " (" + a.status() + "): " + reason, null);
  }

  ClusterException noIndex() {
    return new ClusterException(ClusterException.Reason.NO_INDEX, "no index '" + options.index()
        + "' on the cluster at " + options.where() + "; create and fill it with: newsindex"
        + " opensearch push --url " + options.where().replaceFirst(" .*", "") + " --index "
        + options.index() + " PATH...", null);
  }

  private ClusterException unreachable(IOException e) {
    String why = e == null ? "no answer" : e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
    return new ClusterException(ClusterException.Reason.UNREACHABLE, "cannot reach the OpenSearch"
        + " cluster at " + options.where() + " (" + why + "); is it running, and is the URL"
        + " right? (--opensearch or " + ClusterOptions.URL_ENV + ")", e);
  }

  /** The most specific one-line reason in an error answer. */
  static String reason(JsonNode body) {
    JsonNode error = body.path("error");
    if (error.isTextual()) {
      return error.asText().lines().findFirst().orElse("");
    }
    JsonNode cause = error.path("root_cause").path(0);
    String r = cause.path("reason").asText(error.path("reason").asText("no reason given"));
    return r.lines().findFirst().orElse(r);
  }

  /** Path segment {@code s}, escaped for a URL. */
  static String escape(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** Parameters in order, from alternating names and values. */
  static Map<String, String> params(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** The URLs of the nodes, for messages. */
  List<URI> nodes() {
    return new ArrayList<>(options.nodes());
  }

  private static void sleep(long millis) throws IOException {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for the cluster");
    }
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
