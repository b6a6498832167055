package dev.newsindex.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsindex.IndexLockedException;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.NewsArchive;
import dev.newsindex.NewsIndex;
import dev.newsindex.QuerySyntaxException;
import dev.newsindex.UnsupportedRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP server over an open {@link NewsArchive} (a local {@link NewsIndex}, or any other
 * backend): the JSON API under {@code /api} and the web page
 * at {@code /}, on the JDK's {@code com.sun.net.httpserver} with one virtual thread per request.
 *
 * <pre>{@code
 * try (NewsIndex index = NewsIndex.open(Path.of("news-index"));
 *     NewsServer server = NewsServer.start(index, ServerOptions.builder().address(
 *         InetAddress.getLoopbackAddress(), 0).build())) {
 *   System.out.println("serving " + server.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>The index stays open; every {@link ServerOptions#refreshInterval()} the server picks up
 * commits another process made (a cheap check when nothing changed), so new articles are found
 * without a restart. Closing the server stops accepting connections, lets the requests in flight
 * finish (up to the request timeout) and leaves the index open for its owner to close.
 *
 * <p>Safety, whatever the options: on a loopback address only requests naming a loopback host are
 * answered (a guard against DNS rebinding); the token, when set, is compared in constant time;
 * requests that change the index must come from no page or from the server's own page or the CORS
 * origin, and carry a JSON media type; static files come from a fixed list, never from a path.
 * The JDK server's own limits are set for the process unless already given as system properties:
 * TCP no-delay on, 30 s to send a request, 60 s to take an answer.
 */
public final class NewsServer implements AutoCloseable {
  static {
    // Read once, when the JDK server's configuration class loads: set before any server exists.
    setIfAbsent("sun.net.httpserver.nodelay", "true"); // no Nagle delay on small answers
    setIfAbsent("sun.net.httpserver.maxReqTime", "30"); // a slow sender cannot hold a thread
    setIfAbsent("sun.net.httpserver.maxRspTime", "60");
  }

  private final NewsArchive index;
  private final ServerOptions options;
  private final HttpServer http;
  private final ExecutorService workers;
  private final ScheduledExecutorService refresher;
  private final byte[] tokenDigest;
  private final Map<String, Resources.Resource> api = new HashMap<>();
  private final StaticFiles files = new StaticFiles();
  private volatile boolean closed;

  private NewsServer(NewsArchive index, String name, ServerOptions options) throws IOException {
    this.index = index;
    this.options = options;
    this.tokenDigest = options.token() == null ? null : sha256(options.token());
    api.put("search", new Resources.Search(index, options));
    api.put("suggest", new Resources.Suggest(index, options));
    api.put("articles", new Resources.Articles(index, options));
    api.put("duplicates", new Resources.Duplicates(index));
    api.put("stats", new Resources.Stats(index, name));
    api.put("health", new Resources.Health(index, options));
    workers = Executors.newVirtualThreadPerTaskExecutor();
    http = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 128);
    http.setExecutor(workers);
    http.createContext("/", this::exchange);
    refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "newsindex-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts serving the local {@code index} as {@code options} say; {@code /api/stats} names it by
   * its directory.
   *
   * @param index the open index to serve; the caller keeps it and closes it after the server
   * @param options where to listen and what to allow
   * @return the running server
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   */
  public static NewsServer start(NewsIndex index, ServerOptions options) throws IOException {
    return start(index, index.path().toAbsolutePath().normalize().toString(), options);
  }

  /**
   * Starts serving {@code archive}, a local index or any other backend, as {@code options} say.
   *
   * @param archive the open archive to serve; the caller keeps it and closes it after the server
   * @param name how {@code /api/stats} names the archive (a directory, a cluster's address)
   * @param options where to listen and what to allow
   * @return the running server
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   */
  public static NewsServer start(NewsArchive archive, String name, ServerOptions options)
      throws IOException {
    NewsServer server = new NewsServer(archive, name, options);
    long every = options.refreshInterval().toMillis();
    server.refresher.scheduleWithFixedDelay(server::refresh, every, every, TimeUnit.MILLISECONDS);
    server.http.start();
    return server;
  }

  /**
   * The address the server listens on, with the actual port when port 0 was asked for.
   *
   * @return the bound address
   */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /**
   * The server's base address, e.g. {@code http://127.0.0.1:8080/}.
   *
   * @return the URI of the web page
   */
  public URI uri() {
    InetAddress a = address().getAddress();
    String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address().getPort() + "/");
  }

  /**
   * Stops accepting connections, waits for the requests in flight (up to the request timeout),
   * then stops. The index stays open. Closing twice does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    refresher.shutdownNow();
    int grace = (int) Math.max(1, (options.requestTimeout().toMillis() + 999) / 1000);
    http.stop(grace);
    workers.shutdown();
    try {
      workers.awaitTermination(grace, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void refresh() {
    try {
      index.refresh();
    } catch (IOException | RuntimeException e) {
      // The next tick tries again; searches keep the last good view meanwhile.
    }
  }

  private void exchange(HttpExchange ex) {
    long started = System.nanoTime();
    Response response;
    String path = ex.getRequestURI().getRawPath();
    try {
      response = answer(ex, path);
    } catch (Problem p) {
      response = problem(p);
    }
    int length = send(ex, response);
    if (options.accessLog() != null) {
      String query = ex.getRequestURI().getRawQuery();
      String line = String.format(Locale.ROOT, "%s %s %s %s %d %d %.1fms",
          Instant.now().truncatedTo(ChronoUnit.MILLIS), ex.getRemoteAddress().getAddress()
              .getHostAddress(), ex.getRequestMethod(), path + (query == null ? "" : "?" + query),
          response.status(), length, (System.nanoTime() - started) / 1e6);
      synchronized (options.accessLog()) {
        options.accessLog().println(line);
        options.accessLog().flush();
      }
    }
  }

  private Response answer(HttpExchange ex, String path) throws Problem {
    String query = ex.getRequestURI().getRawQuery();
    if (path.length() + (query == null ? 0 : query.length()) > 16_384) {
      throw new Problem(414, "the address is longer than 16384 characters");
    }
    checkHost(ex);
    boolean isApi = path.equals("/api") || path.startsWith("/api/");
    String method = ex.getRequestMethod();
    if (method.equals("OPTIONS")) {
      return preflight(ex);
    }
    if (!isApi) {
      if (!method.equals("GET") && !method.equals("HEAD")) {
        throw Resources.notAllowed(method, "GET");
      }
      return files.answer(path);
    }
    checkToken(ex);
    if (!method.equals("GET") && !method.equals("HEAD")) {
      checkOrigin(ex);
    }
    String rest = path.substring("/api".length());
    String name = rest.replaceFirst("^/", "").split("/", 2)[0];
    Resources.Resource resource = api.get(name);
    if (resource == null) {
      throw new Problem(404, "no such endpoint " + path + "; GET /api/health lists them");
    }
    Call call = new Call(ex, "/api/" + name, options.maxBodyBytes());
    Future<Response> work = workers.submit(() -> resource.answer(call));
    try {
      return work.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Left to finish on its own: interrupting a thread inside Lucene can close index files.
      throw new Problem(503, "the request took longer than the server's limit of "
          + options.requestTimeout().toMillis() + " ms; narrow it or try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Problem(503, "the server is shutting down");
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  /** The one place where failures become answers; nothing reaches the client as a stack trace. */
  static Problem translate(Throwable e) {
    if (e instanceof Problem p) {
      return p;
    }
    if (e instanceof Call.BodyTooLarge b) {
      return b.problem;
    }
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return translate(u.getCause());
    }
    if (e instanceof QuerySyntaxException q) {
      return new Problem(400, q.getMessage(), q.query(), q.position(), Map.of());
    }
    if (e instanceof UnsupportedRequestException) {
      return new Problem(501, e.getMessage());
    }
    if (e instanceof IndexLockedException) {
      return new Problem(409, e.getMessage());
    }
    // Only the library's own request errors are the client's fault; another
    // IllegalArgumentException is a bug, answered 500 below.
    if (e instanceof InvalidRequestException) {
      return new Problem(400, e.getMessage());
    }
    if (e instanceof IllegalStateException) {
      return new Problem(503, "the index is closed: the server is shutting down");
    }
    if (e instanceof IOException) {
      return new Problem(500, "I/O error reading the index: " + e.getMessage());
    }
    System.err.println("newsindex serve: internal error: " + e);
    return new Problem(500, "internal error (a bug); the server's standard error has a line"
        + " about it");
  }

  private void checkHost(HttpExchange ex) throws Problem {
    if (!options.bind().isLoopbackAddress()) {
      return;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    String name = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      name = name.substring(1, Math.max(1, name.indexOf(']')));
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    if (!(name.equals("localhost") || name.equals("::1") || name.matches("127(\\.\\d{1,3}){3}"))) {
      throw new Problem(421, "this server answers only to a loopback host name (localhost,"
          + " 127.0.0.1, [::1]), not '" + host + "'");
    }
  }

  private void checkToken(HttpExchange ex) throws Problem {
    if (tokenDigest == null) {
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
        ? auth.substring(7).strip() : "";
    // Digests of equal length: the comparison takes the same time whatever the token's length.
    if (!MessageDigest.isEqual(tokenDigest, sha256(given))) {
      throw new Problem(401, auth == null ? "this server needs a token: send Authorization:"
          + " Bearer <token>" : "the token is not right",
          Map.of("WWW-Authenticate", "Bearer realm=\"newsindex\""));
    }
  }

  private void checkOrigin(HttpExchange ex) throws Problem {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin == null) {
      return; // not from a page: curl, a script, another program
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if (origin.equals("http://" + host) || origin.equals(options.corsOrigin())) {
      return;
    }
    throw new Problem(403, "a page from " + origin + " may not change this index; start the"
        + " server with --cors " + origin + " to allow it");
  }

  private Response preflight(HttpExchange ex) {
    Map<String, String> headers = new HashMap<>();
    String methods = options.allowWrites() ? "GET, HEAD, POST, DELETE, OPTIONS"
        : "GET, HEAD, OPTIONS";
    headers.put("Allow", methods);
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin != null && origin.equals(options.corsOrigin())) {
      headers.put("Access-Control-Allow-Methods", methods);
      headers.put("Access-Control-Allow-Headers", "Authorization, Content-Type");
      headers.put("Access-Control-Max-Age", "600");
    }
    return new Response(204, null, new byte[0], headers);
  }

  private static Response problem(Problem p) {
    return new Response(p.status, "application/problem+json", p.json(), p.headers);
  }

  /** Sends {@code r}; returns the body length (for the log). */
  private int send(HttpExchange ex, Response r) {
    try (ex) {
      var h = ex.getResponseHeaders();
      if (r.contentType() != null) {
        h.set("Content-Type", r.contentType().startsWith("text/") ? r.contentType()
            + "; charset=utf-8" : r.contentType());
      }
      h.set("X-Content-Type-Options", "nosniff");
      h.set("Referrer-Policy", "no-referrer");
      if (!h.containsKey("Cache-Control")) {
        h.set("Cache-Control", "no-store");
      }
      String origin = ex.getRequestHeaders().getFirst("Origin");
      if (options.corsOrigin() != null) {
        h.set("Vary", "Origin");
        if (options.corsOrigin().equals(origin)) {
          h.set("Access-Control-Allow-Origin", origin);
        }
      }
      r.headers().forEach(h::set);
      boolean noBody = r.status() == 204 || ex.getRequestMethod().equals("HEAD");
      if (noBody) {
        ex.sendResponseHeaders(r.status(), -1);
        return 0;
      }
      ex.sendResponseHeaders(r.status(), r.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(r.body());
      }
      return r.body().length;
    } catch (IOException e) {
      return 0; // the client went away
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The web page's files, from the jar's resources by a fixed list of names. */
  static final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
        "/", "index.html", "/index.html", "index.html", "/app.js", "app.js",
        "/app.css", "app.css", "/favicon.svg", "favicon.svg");
    /** The page's scripts and styles come from this server only; no inline code runs. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
        + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self';"
        + " frame-ancestors 'none'";
    private final Map<String, byte[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    Response answer(String path) throws Problem {
      String name = TYPES.get(path);
      if (name == null) {
        throw new Problem(404, "no page at " + path + "; the page is at /");
      }
      byte[] body = cache.computeIfAbsent(name, StaticFiles::load);
      String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js")
          ? "text/javascript" : name.endsWith(".css") ? "text/css" : "image/svg+xml";
      return new Response(200, type, body, Map.of("Content-Security-Policy", CSP,
          "Cache-Control", "no-cache", "X-Frame-Options", "DENY"));
    }

    private static byte[] load(String name) {
      try (InputStream in = NewsServer.class.getResourceAsStream("web/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks web/" + name);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
