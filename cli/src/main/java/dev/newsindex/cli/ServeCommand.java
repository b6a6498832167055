package dev.newsindex.cli;

import dev.newsindex.FileAccess;
import dev.newsindex.NewsIndex;
import dev.newsindex.server.NewsServer;
import dev.newsindex.server.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsindex serve}: the HTTP API and web page of newsindex-server over an open index. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Serve the index over HTTP: a JSON API under /api (search, articles, related,"
            + " duplicates, stats, suggest, health) and a web page at / for exploring it in a"
            + " browser. The index stays open; articles another process indexes are found"
            + " within a second of their commit.",
        "Listens on 127.0.0.1 only unless --bind names another address, which needs --token"
            + " or --no-auth. Ctrl-C or SIGTERM stops it: no new connections, the requests in"
            + " flight finish, the index is closed."})
final class ServeCommand implements Callable<Integer> {
  @Mixin
  IndexOption index = new IndexOption();

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080",
      description = "The port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}); any other than a"
          + " loopback address needs --token or --no-auth.")
  String bind;

  @Option(names = "--token", paramLabel = "FILE",
      description = "Require the secret in FILE (its first line) as a bearer token on every API"
          + " request: Authorization: Bearer <token>.")
  Path tokenFile;

  @Option(names = "--no-auth",
      description = "Serve a non-loopback address without a token (anyone who can reach the port"
          + " can read the index).")
  boolean noAuth;

  @Option(names = "--cors", paramLabel = "ORIGIN",
      description = "Let pages from ORIGIN (e.g. https://app.example.org) call the API from a"
          + " browser; no other origin may.")
  String cors;

  @Option(names = "--allow-writes",
      description = "Accept POST /api/articles (JSON Lines upsert) and DELETE /api/articles/ID;"
          + " the server then holds the index's write lock from the first write on.")
  boolean allowWrites;

  @Option(names = "--access-log", description = "Print one line per request on stderr.")
  boolean accessLog;

  @Option(names = "--request-timeout", paramLabel = "TIME", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Answer 503 to a request still running after TIME; searches stop at it"
          + " (default: ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(names = "--max-body", paramLabel = "MIB", defaultValue = "16",
      description = "The largest request body in MiB, for uploads (default: ${DEFAULT-VALUE}).")
  int maxBodyMib;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ServerOptions options = options(err);
    NewsIndex news = SearchCommand.openForSearch(index, Defaults.fromEnvironment(), err,
        FileAccess.MAPPED);
    NewsServer server;
    try {
      server = NewsServer.start(news, options);
    } catch (BindException e) {
      news.close();
      throw new dev.newsindex.InvalidRequestException("cannot listen on " + bind + " port " + port + " ("
          + e.getMessage() + "); choose another with --port");
    } catch (IOException | RuntimeException e) {
      news.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      try {
        news.close();
      } catch (IOException e) {
        err.println("newsindex: closing the index failed: " + e.getMessage());
      }
      err.println("newsindex: stopped");
      err.flush();
      stopped.countDown();
    }, "newsindex-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    err.println("newsindex: serving " + Defaults.display(news.path()) + " at " + server.uri()
        + (allowWrites ? " (writes allowed)" : "") + "; Ctrl-C stops");
    err.flush();
    stopped.await();
    return ExitCode.OK.code;
  }

  private ServerOptions options(PrintWriter err) throws IOException {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new dev.newsindex.InvalidRequestException("--bind: unknown address '" + bind + "'");
    }
    String token = null;
    if (tokenFile != null) {
      token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().findFirst()
          .orElse("").strip();
      if (token.isEmpty()) {
        throw new dev.newsindex.InvalidRequestException("--token: " + tokenFile + " is empty; put the secret"
            + " on its first line");
      }
    }
    if (maxBodyMib < 1) {
      throw new dev.newsindex.InvalidRequestException("--max-body must be at least 1 MiB, not " + maxBodyMib);
    }
    ServerOptions options = ServerOptions.builder().address(address, port)
        .token(token).noAuth(noAuth).cors(cors).writes(allowWrites)
        .limits(requestTimeout, (long) maxBodyMib << 20)
        .accessLog(accessLog ? err : null).build();
    if (noAuth && !address.isLoopbackAddress()) {
      err.println("newsindex: warning: serving " + address.getHostAddress() + " without a token:"
          + " anyone who can reach this port can read the index"
          + (allowWrites ? " and change it" : ""));
      err.flush();
    }
    return options;
  }
}
