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
  static final Path LAUNCH = Path.of("..", "scripts", "launch.sh").toAbsolutePath();
  static final Path LAUNCHER = Path.of("..", "newsindex").toAbsolutePath();
  static final Path DIST_LAUNCHER = Path.of("src", "dist", "bin", "newsindex").toAbsolutePath();

  @TempDir Path tmp;
  Path bin;

  /** A PATH with the shell tools the script needs and no java. */
  @BeforeEach
  void toolsWithoutJava() throws IOException, InterruptedException {
    bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : List.of("sed", "head", "ls", "sort", "readlink", "cat", "dirname", "find",
        "mkdir", "mv", "rm", "rmdir", "touch")) {
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

  @Test
  void aJavaOnPathLinkedIntoAnInstallLocationIsThatJdkAndWinsOverNewerOnes() throws Exception {
    Path jdk21 = fakeJdk("jvm/jdk-21", "21.0.2");
    fakeJdk("jvm/jdk-25", "25.0.1");
    // As Debian's alternatives: PATH's java -> alternatives/java -> the JDK's; an alias dir too.
    Files.createSymbolicLink(tmp.resolve("jvm/default-java"), jdk21);
    Path alternatives = Files.createDirectories(tmp.resolve("alternatives"));
    Files.createSymbolicLink(alternatives.resolve("java"), jdk21.resolve("bin/java"));
    Files.createSymbolicLink(bin.resolve("java"), alternatives.resolve("java"));
    Result r = find(Map.of("NEWSINDEX_JDK_DIRS", tmp.resolve("jvm").toString() + "/*"));
    assertEquals(0, r.code(), r.err());
    assertEquals(jdk21.toString(), r.out());
  }

  @Test
  void aJavaOnPathLinkedElsewhereIsResolved() throws Exception {
    Path jdk22 = fakeJdk("elsewhere/jdk-22", "22.0.1");
    fakeJdk("jvm/jdk-25", "25.0.1");
    Files.createSymbolicLink(bin.resolve("java"), jdk22.resolve("bin/java"));
    Result r = find(Map.of("NEWSINDEX_JDK_DIRS", tmp.resolve("jvm").toString() + "/*"));
    assertEquals(0, r.code(), r.err());
    assertEquals(jdk22.toString(), r.out());
  }

  Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
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
  void bothLaunchersSayInOneLineThatTheJavaIsTooOld() throws Exception {
    Path old = fakeJdk("jdk17", "17.0.9");
    Path dist = Files.createDirectories(tmp.resolve("dist").resolve("bin"));
    Files.copy(DIST_LAUNCHER, dist.resolve("newsindex"));
    Path lib = Files.createDirectories(tmp.resolve("dist").resolve("lib"));
    Files.copy(SCRIPT, lib.resolve("find-jdk.sh"));
    Files.copy(LAUNCH, lib.resolve("launch.sh"));
    for (Path launcher : List.of(LAUNCHER, dist.resolve("newsindex"))) {
      Result r = run(Map.of("JAVA_HOME", old.toString(), "NEWSINDEX_JDK_DIRS", ""),
          "/bin/bash", launcher.toString(), "search", "korea");
      assertEquals(2, r.code(), launcher + ": " + r.err());
      assertEquals("", r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("newsindex: needs Java 21 or newer (JAVA_HOME=" + old
          + " is Java 17)"), r.err());
    }
  }

  /** A JDK whose java records its arguments, and creates the cache file a training run names. */
  Path recordingJdk(String name, String runtimeVersion) throws IOException {
    Path home = Files.createDirectories(tmp.resolve(name).resolve("bin"));
    Files.writeString(home.resolve("java"), String.join("\n",
        "#!/bin/bash",
        "echo \"$*\" >> \"$JAVA_LOG\"",
        "for a in \"$@\"; do case $a in",
        "  -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) echo cache > \"${a#*=}\" ;;",
        "esac; done", ""));
    Files.setPosixFilePermissions(home.resolve("java"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tmp.resolve(name).resolve("release"), "IMPLEMENTOR=\"Test\"\n"
        + "JAVA_RUNTIME_VERSION=\"" + runtimeVersion + "\"\nJAVA_VERSION=\""
        + runtimeVersion.replaceAll("[+-].*", "") + "\"\n");
    return tmp.resolve(name);
  }

  List<String> launch(Path jdk, Path jar, String mode, String... args) throws Exception {
    Path log = tmp.resolve("java.log");
    Files.deleteIfExists(log);
    Result r = run(Map.of("JAVA_HOME", jdk.toString(), "NEWSINDEX_JDK_DIRS", "",
            "JAVA_LOG", log.toString(), "NEWSINDEX_AOT", mode),
        "/bin/bash", "-c", ". \"$1\" && newsindex_find_jdk && . \"$2\" && shift 2 &&"
            + " newsindex_launch \"$@\"", "launch", SCRIPT.toString(), LAUNCH.toString(),
        jar.toString(), tmp.resolve("cache").toString(), "-Dx=1", "--", String.join(" ", args));
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err(), "the launcher prints nothing");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  @Test
  void shortCommandsUseAnAotCacheMadeOnceAndRemadeWhenAJarChanges() throws Exception {
    Path jdk = recordingJdk("jdk-25", "25.0.1+8-LTS");
    Path jar = tmp.resolve("newsindex-cli.jar");
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - 60_000));

    List<String> first = launch(jdk, jar, "wait", "search");
    assertEquals(3, first.size(), first.toString());
    assertTrue(!first.get(0).contains("AOT") && first.get(0)
        .matches(".* dev\\.newsindex\\.cli\\.CacheTraining --prepare \\S+\\.home"),
        "the training index made first, without recording: " + first.get(0));
    String home = first.get(0).substring(first.get(0).lastIndexOf(' ') + 1);
    assertTrue(first.get(1).contains("-XX:AOTCacheOutput=")
        && first.get(1).contains("-Dnewsindex.home=" + home)
        && first.get(1).endsWith("dev.newsindex.cli.CacheTraining"),
        "then the recorded training run, searching it: " + first.get(1));
    assertTrue(!Files.exists(Path.of(home)), "the training home is removed: " + home);
    assertTrue(first.get(2).contains("-Dx=1") && first.get(2).contains("-XX:AOTCache=")
        && first.get(2).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData")
        && first.get(2).contains("-Xlog:disable -Xlog:all=error:stderr")
        && first.get(2).endsWith("dev.newsindex.cli.NewsCli search"), first.get(2));

    List<String> second = launch(jdk, jar, "wait", "search");
    assertEquals(1, second.size(), "the cache is reused: " + second);
    assertTrue(second.get(0).contains("-XX:AOTCache="), second.get(0));

    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() + 60_000));
    List<String> rebuilt = launch(jdk, jar, "wait", "search");
    assertEquals(3, rebuilt.size(), "a newer jar makes a new cache: " + rebuilt);

    List<String> index = launch(jdk, jar, "wait", "index");
    assertEquals(1, index.size());
    assertTrue(index.get(0).contains("-XX:+UseParallelGC") && !index.get(0).contains("AOT"),
        "indexing runs long: JIT and parallel GC, no cache: " + index.get(0));

    List<String> off = launch(jdk, jar, "off", "search");
    assertTrue(!off.get(0).contains("AOT") && off.get(0).contains("-XX:+UseSerialGC"), off.get(0));
  }

  @Test
  void withoutAWaitTheCacheIsTrainedInTheBackground() throws Exception {
    Path jdk = recordingJdk("jdk-25", "25.0.1+8-LTS");
    Path jar = tmp.resolve("newsindex-cli.jar");
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - 60_000));
    launch(jdk, jar, "auto", "search");
    Path cache = tmp.resolve("cache").resolve("newsindex-25.0.1+8-LTS-"
        + jdk.toString().replaceAll("[^A-Za-z0-9._-]", "_") + ".aot");
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!Files.exists(cache)) {
      assertTrue(System.nanoTime() < deadline, "no cache made in the background: " + cache);
      Thread.sleep(20);
    }
    List<String> next = launch(jdk, jar, "auto", "search");
    assertEquals(1, next.size(), next.toString());
    assertTrue(next.get(0).contains("-XX:AOTCache=" + cache), next.get(0));
  }

  @Test
  void beforeJdk25TheCacheIsAnAppCdsArchive() throws Exception {
    Path jdk = recordingJdk("jdk-21", "21.0.5+11-LTS");
    Path jar = tmp.resolve("newsindex-cli.jar");
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - 60_000));
    List<String> first = launch(jdk, jar, "wait", "search");
    assertEquals(3, first.size(), first.toString());
    assertTrue(first.get(1).contains("-XX:ArchiveClassesAtExit="), first.get(1));
    assertTrue(first.get(2).contains("-XX:SharedArchiveFile=") && !first.get(2).contains("AOT"),
        first.get(2));
  }
}
