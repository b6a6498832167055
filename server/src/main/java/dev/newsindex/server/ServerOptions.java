package dev.newsindex.server;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link NewsServer} listens, whom it lets in and what it allows. Start from {@link
 * #defaults()} (loopback, port 8080, read-only, no CORS, no access log) and change what you need.
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
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("the token is empty; put a secret in the token file");
    }
    if (token != null && noAuth) {
      throw new IllegalArgumentException("give either a token or no-auth, not both");
    }
    if (!bind.isLoopbackAddress() && token == null && !noAuth) {
      throw new IllegalArgumentException("binding " + bind.getHostAddress() + " lets other"
          + " machines in: give --token FILE (a bearer token) or --no-auth to allow anyone");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("the request timeout must be positive");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the body limit must be positive");
    }
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("the refresh interval must be positive");
    }
    if (corsOrigin != null && (corsOrigin.isBlank() || corsOrigin.endsWith("/"))) {
      throw new IllegalArgumentException("a CORS origin is scheme://host[:port] without a path,"
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
   * These options listening on {@code bind} and {@code port}.
   *
   * @param bind the address to listen on
   * @param port the port, 0 for any free one
   * @return a copy with the address and port
   * @throws IllegalArgumentException when the address is not a loopback one and there is neither
   *     a token nor no-auth
   */
  public ServerOptions withAddress(InetAddress bind, int port) {
    return new ServerOptions(bind, port, token, noAuth, corsOrigin, allowWrites, accessLog,
        requestTimeout, maxBodyBytes, refreshInterval);
  }

  /**
   * These options requiring {@code token} on every API request ({@code Authorization: Bearer}).
   *
   * @param token the secret, or null for none
   * @return a copy with the token
   */
  public ServerOptions withToken(String token) {
    return new ServerOptions(bind, port, token, noAuth, corsOrigin, allowWrites, accessLog,
        requestTimeout, maxBodyBytes, refreshInterval);
  }

  /**
   * These options letting anyone in on a non-loopback address.
   *
   * @param noAuth true to serve without a token on any address
   * @return a copy with no-auth
   */
  public ServerOptions withNoAuth(boolean noAuth) {
    return new ServerOptions(bind, port, token, noAuth, corsOrigin, allowWrites, accessLog,
        requestTimeout, maxBodyBytes, refreshInterval);
  }

  /**
   * These options letting pages from {@code origin} call the API.
   *
   * @param origin scheme, host and port of the pages, or null for none
   * @return a copy with the CORS origin
   */
  public ServerOptions withCors(String origin) {
    return new ServerOptions(bind, port, token, noAuth, origin, allowWrites, accessLog,
        requestTimeout, maxBodyBytes, refreshInterval);
  }

  /**
   * These options with the write endpoints on or off.
   *
   * @param allowWrites true to accept upserts and deletes
   * @return a copy with the write switch
   */
  public ServerOptions withWrites(boolean allowWrites) {
    return new ServerOptions(bind, port, token, noAuth, corsOrigin, allowWrites, accessLog,
        requestTimeout, maxBodyBytes, refreshInterval);
  }

  /**
   * These options writing one line per request to {@code log}.
   *
   * @param log where the lines go, or null for none
   * @return a copy with the access log
   */
  public ServerOptions withAccessLog(PrintWriter log) {
    return new ServerOptions(bind, port, token, noAuth, corsOrigin, allowWrites, log,
        requestTimeout, maxBodyBytes, refreshInterval);
  }

  /**
   * These options with the per-request time limit and the largest request body.
   *
   * @param requestTimeout how long one request may take, positive
   * @param maxBodyBytes the largest request body in bytes, positive
   * @return a copy with the limits
   */
  public ServerOptions withLimits(Duration requestTimeout, long maxBodyBytes) {
    return new ServerOptions(bind, port, token, noAuth, corsOrigin, allowWrites, accessLog,
        requestTimeout, maxBodyBytes, refreshInterval);
  }
}
