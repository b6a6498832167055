package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} refuses before it listens (the server itself is tested in server/). */
class ServeCommandTest {
  @TempDir
  Path tmp;

  @Test
  void anotherAddressNeedsATokenOrNoAuth() {
    CliRun run = CliRun.run("serve", "--index", tmp.toString(), "--bind", "0.0.0.0");
    assertEquals(ExitCode.USAGE.code, run.exitCode(), run.err());
    assertEquals("newsindex: binding 0.0.0.0 lets other machines in: give --token FILE (a bearer"
        + " token) or --no-auth to allow anyone", run.err().strip());
  }

  @Test
  void anEmptyTokenFileIsRefused() throws IOException {
    Path token = Files.writeString(tmp.resolve("token"), "\n");
    CliRun run = CliRun.run("serve", "--index", tmp.toString(), "--token", token.toString());
    assertEquals(ExitCode.USAGE.code, run.exitCode(), run.err());
    assertTrue(run.err().contains("is empty; put the secret on its first line"), run.err());
  }

  @Test
  void aTakenPortIsNamed() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, CliRun.run("index", "--index", index.toString(),
        Path.of("..", "index-data", "articles", "001_north-korea-missiles-east-sea.txt")
            .toString()).exitCode());
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.run("serve", "--index", index.toString(), "--port",
          Integer.toString(taken.getLocalPort()));
      assertEquals(ExitCode.USAGE.code, run.exitCode(), run.err());
      assertTrue(run.err().contains("cannot listen on 127.0.0.1 port " + taken.getLocalPort()),
          run.err());
      assertTrue(run.err().contains("choose another with --port"), run.err());
    }
  }

  @Test
  void aMissingIndexIsExitCodeThree() {
    CliRun run = CliRun.run("serve", "--index", tmp.resolve("nothing").toString(), "--port", "0");
    assertEquals(ExitCode.NO_INDEX.code, run.exitCode(), run.err());
  }
}
