package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK discovery shared by ./newsindex, ./run-tests and .ci/run. */
class LauncherTest {
  static final Path SCRIPT = Path.of("..", "scripts", "find-jdk.sh").toAbsolutePath();

  @TempDir Path tmp;
  Path bin;

  /** A PATH with the shell tools the script needs and no java. */
  @BeforeEach
  void toolsWithoutJava() throws IOException, InterruptedException {
    bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : List.of("sed", "head", "ls", "sort", "readlink", "cat")) {
      Process p = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
      String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      Path wrapper = bin.resolve(tool);
      Files.writeString(wrapper, "#!/bin/sh\nexec " + path + " \"$@\"\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  Path fakeJdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(tmp.resolve(name).resolve("bin"));
    Path java = home.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tmp.resolve(name).resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return tmp.resolve(name);
  }

  record Result(int code, String out, String err) {}

  Result find(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c",
        ". \"$1\"; newsindex_find_jdk && echo \"$NEWSINDEX_JAVA_HOME\"", "find", SCRIPT.toString());
    pb.environment().clear();
    pb.environment().put("PATH", bin.toString());
    pb.environment().put("HOME", tmp.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return new Result(p.waitFor(), out, err);
  }

  @Test
  void aTooOldJavaHomeAloneGivesOneLineSayingWhatToDo() throws Exception {
    Path old = fakeJdk("jdk17", "17.0.9");
    Result r = find(Map.of("JAVA_HOME", old.toString(), "NEWSINDEX_JDK_DIRS", ""));
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("needs Java 21 or newer (JAVA_HOME=" + old + " is Java 17)"),
        r.err());
    assertTrue(r.err().contains("set JAVA_HOME"), r.err());
  }

  @Test
  void aTooOldJavaHomeIsPassedOverForAnInstalledNewerJdk() throws Exception {
    Path old = fakeJdk("jdk17", "17.0.9");
    fakeJdk("jvm/jdk-21", "21.0.2");
    Path newest = fakeJdk("jvm/jdk-25", "25.0.1");
    Result r = find(Map.of("JAVA_HOME", old.toString(),
        "NEWSINDEX_JDK_DIRS", tmp.resolve("jvm").toString() + "/*"));
    assertEquals(0, r.code(), r.err());
    assertEquals(newest.toString(), r.out());
  }

  @Test
  void aSuitableJavaHomeWins() throws Exception {
    Path home = fakeJdk("jdk21", "21.0.2");
    fakeJdk("jvm/jdk-25", "25.0.1");
    Result r = find(Map.of("JAVA_HOME", home.toString(),
        "NEWSINDEX_JDK_DIRS", tmp.resolve("jvm").toString() + "/*"));
    assertEquals(0, r.code(), r.err());
    assertEquals(home.toString(), r.out());
  }
}
