package dev.newsindex.opensearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The three-node loopback cluster every integration test of this module shares: started once per
 * test JVM by scripts/opensearch.sh (the distribution from Maven Central, the plugin zip built by
 * opensearch-plugin, the nodes as an unprivileged user when run as root), and stopped when the JVM
 * ends; should the JVM die without its shutdown hooks, the script's watchdog stops the nodes. When
 * the distribution cannot be obtained every test using it is skipped, with the script's reason.
 */
final class OpenSearchCluster {
  static final int NODES = 3;

  private static OpenSearchCluster shared;
  private static String unavailable;
  /** A node restarting after {@link #restartNodeLater}; the next {@link #shared} waits for it. */
  private static Process restarting;

  final Path root;
  final Path dir;
  final int httpPort;
  final List<String> urls;

  private OpenSearchCluster(Path root, Path dir, int httpPort, List<String> urls) {
    this.root = root;
    this.dir = dir;
    this.httpPort = httpPort;
    this.urls = urls;
  }

  /** The shared cluster, started at the first call; skips the calling test if it cannot be had. */
  static synchronized OpenSearchCluster shared() {
    if (shared == null && unavailable == null) {
      try {
        shared = start();
      } catch (IOException e) {
        unavailable = e.getMessage();
        // Once, where a CI log shows it: every test using the cluster is skipped for this.
        System.err.println("OpenSearch integration tests skipped: no OpenSearch cluster: "
            + unavailable);
      }
    }
    Assumptions.assumeTrue(unavailable == null, () -> "no OpenSearch cluster: " + unavailable);
    if (restarting != null) {
      try {
        int code = restarting.waitFor();
        if (code != 0) {
          throw new IllegalStateException("a killed node did not restart: "
              + Files.readString(shared.dir.resolve("restart.log")).strip());
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("waiting for a node to restart", e);
      } finally {
        restarting = null;
      }
    }
    return shared;
  }

  private static OpenSearchCluster start() throws IOException {
    Path root = Path.of(System.getProperty("newsindex.root", "..")).toAbsolutePath().normalize();
    Path dir = Path.of(System.getProperty("newsindex.cluster.dir", "target/cluster"))
        .toAbsolutePath();
    // While developing: -Dnewsindex.cluster.reuse=true uses (and leaves running) a cluster that
    // scripts/opensearch.sh started in the same directory.
    Path urls = dir.resolve("urls");
    if (Boolean.getBoolean("newsindex.cluster.reuse") && Files.isRegularFile(urls)) {
      String[] u = Files.readString(urls).strip().split(",");
      return new OpenSearchCluster(root, dir, java.net.URI.create(u[0]).getPort(), List.of(u));
    }
    String zip = System.getProperty("newsindex.plugin.zip");
    int port = freePorts();
    List<String> command = new ArrayList<>(List.of("bash",
        root.resolve("scripts/opensearch.sh").toString(), "start", "--nodes", "" + NODES,
        "--dir", dir.toString(), "--port", "" + port, "--transport-port", "" + (port + 100),
        "--watch", "" + ProcessHandle.current().pid()));
    if (zip != null) {
      command.addAll(List.of("--plugin", zip));
    }
    Files.createDirectories(dir);
    Path log = dir.resolve("start.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the cluster started", e);
    }
    String why = Files.readString(log).strip();
    if (code == 3) {
      throw new IOException(why.lines().reduce((a, b) -> b).orElse("distribution unavailable"));
    }
    if (code != 0) {
      // A cluster that could be had but did not start is a failure, not a skip.
      throw new IllegalStateException("scripts/opensearch.sh start failed (" + code + "): " + why);
    }
    OpenSearchCluster c = new OpenSearchCluster(root, dir, port, List.of(out.split(",")));
    Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "opensearch-cluster-stop"));
    return c;
  }

  /** A base port with the next {@link #NODES} HTTP and transport ports (+100) free. */
  private static int freePorts() throws IOException {
    for (int base = 19200 + (int) (ProcessHandle.current().pid() % 200) * 3; base < 30000;
        base += 7) {
      if (free(base, NODES) && free(base + 100, NODES)) {
        return base;
      }
    }
    throw new IOException("no free ports for the cluster");
  }

  private static boolean free(int from, int count) {
    for (int p = from; p < from + count; p++) {
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** Options for index {@code index} on all the nodes. */
  ClusterOptions options(String index) {
    return ClusterOptions.of(String.join(",", urls)).withIndex(index);
  }

  /** The PID of node {@code i}'s JVM. */
  long nodePid(int i) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("nodes/node-" + i + "/pid")).strip());
  }

  /** Kills node {@code i} at once (SIGKILL), as a crash would, and waits until it is gone. */
  void killNode(int i) throws IOException {
    long pid = nodePid(i);
    ProcessHandle.of(pid).ifPresent(h -> {
      h.destroyForcibly();
      try {
        h.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("node-" + i + " (" + pid + ") did not stop", e);
      }
    });
  }

  /**
   * Starts node {@code i} again after {@link #killNode}, in the background: the next test to ask
   * for the cluster waits until it is green again, so the restart overlaps the test's own end.
   */
  void restartNodeLater(int i) throws IOException {
    synchronized (OpenSearchCluster.class) {
      restarting = new ProcessBuilder("bash", root.resolve("scripts/opensearch.sh").toString(),
          "restart-node", "--node", "" + i, "--nodes", "" + NODES, "--port", "" + httpPort,
          "--dir", dir.toString()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("restart.log").toFile()).start();
    }
  }

  private void stop() {
    try {
      new ProcessBuilder("bash", root.resolve("scripts/opensearch.sh").toString(), "stop",
          "--dir", dir.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      // the watchdog stops the nodes when this JVM is gone
    }
  }
}
