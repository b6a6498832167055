package dev.newsindex.server;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link NewsServer} listens, whom it lets in and what it allows. Start from {@link
 * #builder()} (the {@link #defaults()}: loopback, port 8080, read-only, no CORS, no access log)
 * and change what you need.
 *
 * @param bind the address to listen on; an address other than a loopback one needs a {@code token}
 *     or {@code noAuth}
 * @param port the port, 0 for any free one
 * @param token the bearer token every API request must carry, or null for none
 * @param noAuth whether a non-loopback bind without a token was explicitly wanted
 * @param corsOrigin the one origin (e.g. {@code https://app.example.org}) whose pages may call the
 *     API from a browser, or null for none
 * @param allowWrites whether {@code POST /api/articles} and {@code DELETE /api/articles/{id}} work
 * @param accessLog where one line per request goes, or null for none
 * @param requestTimeout how long one request may take before it is answered 503; searches stop at
 *     it too
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param refreshInterval how often the server looks for commits made by another process
 */
public record ServerOptions(InetAddress bind, int port, String token, boolean noAuth,
    String corsOrigin, boolean allowWrites, PrintWriter accessLog, Duration requestTimeout,
    long maxBodyBytes, Duration refreshInterval) {
  /** The default port. */
  public static final int DEFAULT_PORT = 8080;
  /** The default per-request time limit. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** The default largest request body: 16 MiB of NDJSON. */
  public static final long DEFAULT_MAX_BODY = 16L << 20;
  /** The default interval between looks for new commits: well within a second. */
  public static final Duration DEFAULT_REFRESH = Duration.ofMillis(250);

  /** Checks the parts. */
  public ServerOptions {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(refreshInterval, "refreshInterval");
    if (port < 0 || port > 65535) {
      throw new dev.newsindex.InvalidRequestException("port must be 0 to 65535, not " + port);
    }
    if (token != null && token.isBlank()) {
      throw new dev.newsindex.InvalidRequestException("the token is empty; put a secret in the token file");
    }
    if (token != null && noAuth) {
      throw new dev.newsindex.InvalidRequestException("give either a token or no-auth, not both");
    }
    if (!bind.isLoopbackAddress() && token == null && !noAuth) {
      throw new dev.newsindex.InvalidRequestException("binding " + bind.getHostAddress() + " lets other"
          + " machines in: give --token FILE (a bearer token) or --no-auth to allow anyone");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new dev.newsindex.InvalidRequestException("the request timeout must be positive");
    }
    if (maxBodyBytes < 1) {
      throw new dev.newsindex.InvalidRequestException("the body limit must be positive");
    }
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new dev.newsindex.InvalidRequestException("the refresh interval must be positive");
    }
    if (corsOrigin != null && (corsOrigin.isBlank() || corsOrigin.endsWith("/"))) {
      throw new dev.newsindex.InvalidRequestException("a CORS origin is scheme://host[:port] without a path,"
          + " e.g. https://app.example.org, not '" + corsOrigin + "'");
    }
  }

  /**
   * Loopback, port {@value #DEFAULT_PORT}, no token, read-only, no CORS, no access log, a 10 s
   * request limit, 16 MiB bodies, a look for new commits every 250 ms.
   *
   * @return the defaults
   */
  public static ServerOptions defaults() {
    return new ServerOptions(InetAddress.getLoopbackAddress(), DEFAULT_PORT, null, false, null,
        false, null, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_BODY, DEFAULT_REFRESH);
  }

  /**
   * A builder starting from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /**
   * A builder starting from these options.
   *
   * @return a new builder holding these options' parts
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ServerOptions} part by part; {@link #build} checks the whole. */
  public static final class Builder {
    private InetAddress bind;
    private int port;
    private String token;
    private boolean noAuth;
    private String corsOrigin;
    private boolean allowWrites;
    private PrintWriter accessLog;
    private Duration requestTimeout;
    private long maxBodyBytes;
    private Duration refreshInterval;

    private Builder(ServerOptions o) {
      bind = o.bind;
      port = o.port;
      token = o.token;
      noAuth = o.noAuth;
      corsOrigin = o.corsOrigin;
      allowWrites = o.allowWrites;
      accessLog = o.accessLog;
      requestTimeout = o.requestTimeout;
      maxBodyBytes = o.maxBodyBytes;
      refreshInterval = o.refreshInterval;
    }

    /**
     * See {@link ServerOptions#bind} and {@link ServerOptions#port}.
     *
     * @param bind the address to listen on
     * @param port the port, 0 for any free one
     * @return this builder
     */
    public Builder address(InetAddress bind, int port) {
      this.bind = bind;
      this.port = port;
      return this;
    }

    /**
     * See {@link ServerOptions#token}.
     *
     * @param token the bearer token every API request must carry, or null for none
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * See {@link ServerOptions#noAuth}.
     *
     * @param noAuth true to serve a non-loopback address without a token
     * @return this builder
     */
    public Builder noAuth(boolean noAuth) {
      this.noAuth = noAuth;
      return this;
    }

    /**
     * See {@link ServerOptions#corsOrigin}.
     *
     * @param origin scheme, host and port of the pages that may call the API, or null for none
     * @return this builder
     */
    public Builder cors(String origin) {
      this.corsOrigin = origin;
      return this;
    }

    /**
     * See {@link ServerOptions#allowWrites}.
     *
     * @param allowWrites true to accept upserts and deletes
     * @return this builder
     */
    public Builder writes(boolean allowWrites) {
      this.allowWrites = allowWrites;
      return this;
    }

    /**
     * See {@link ServerOptions#accessLog}.
     *
     * @param log where one line per request goes, or null for none
     * @return this builder
     */
    public Builder accessLog(PrintWriter log) {
      this.accessLog = log;
      return this;
    }

    /**
     * See {@link ServerOptions#requestTimeout} and {@link ServerOptions#maxBodyBytes}.
     *
     * @param requestTimeout how long one request may take, positive
     * @param maxBodyBytes the largest request body in bytes, positive
     * @return this builder
     */
    public Builder limits(Duration requestTimeout, long maxBodyBytes) {
      this.requestTimeout = requestTimeout;
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * See {@link ServerOptions#refreshInterval}.
     *
     * @param refreshInterval how often to look for commits of another process, positive
     * @return this builder
     */
    public Builder refreshInterval(Duration refreshInterval) {
      this.refreshInterval = refreshInterval;
      return this;
    }

    /**
     * The options.
     *
     * @return new options with the parts set so far
     * @throws dev.newsindex.InvalidRequestException when a part is out of range or the parts contradict each
     *     other, e.g. a non-loopback address with neither a token nor no-auth
     */
    public ServerOptions build() {
      return new ServerOptions(bind, port, token, noAuth, corsOrigin, allowWrites, accessLog,
          requestTimeout, maxBodyBytes, refreshInterval);
    }
  }
}
