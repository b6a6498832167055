package dev.newsindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library as a user gets it: the example project shown in README.md (its pom, its code and the
 * output it prints) is built by Maven as a separate project against the core jar installed in a
 * local repository, then run on the class path and on the module path. Runs in the {@code verify}
 * phase, after the jar is packaged (failsafe). The local repository is {@code target/consumer-it}
 * (the build's own repository serves as a read-only remote for everything else), so the shared
 * {@code ~/.m2} never sees a snapshot of this build.
 */
class ConsumerProjectIT {
  static final Path README = Path.of("..", "README.md");
  static final Path WORK = Path.of("target", "consumer-it").toAbsolutePath();
  static final Pattern BLOCK = Pattern.compile(
      "<!-- consumer-example: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

  static Map<String, String> files;
  static Path project;
  static String classpath;

  @BeforeAll
  static void buildTheReadmeExample() throws Exception {
    files = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
    while (m.find()) {
      files.put(m.group(1), m.group(2) + "\n");
    }
    assertTrue(files.keySet().containsAll(List.of("pom.xml", "output")), files.keySet().toString());

    project = WORK.resolve("project");
    deleteTree(project);
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!f.getKey().equals("output")) {
        Path file = project.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
    }
    Path repo = installCore(WORK.resolve("repo"));
    Path settings = WORK.resolve("settings.xml");
    Files.writeString(settings, settings(Path.of(System.getProperty("outer.repo"))));

    String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
    Path cpFile = project.resolve("target").resolve("classpath.txt");
    Result build = exec(project, List.of(mvn, "-B", "-ntp", "-q", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo, "package",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
        "-Dmdep.outputFile=" + cpFile, "-Dmdep.includeScope=runtime"), 300);
    assertEquals(0, build.code(), "the README example does not build:\n" + build.out());
    classpath = Files.readString(cpFile).strip();
    assertTrue(classpath.contains("newsindex-core-" + System.getProperty("project.version")),
        classpath);
  }

  /** Puts the freshly packaged core jar, its pom and the parent pom where Maven installs them. */
  static Path installCore(Path repo) throws IOException {
    String version = System.getProperty("project.version");
    Path core = Files.createDirectories(
        repo.resolve("dev/newsindex/newsindex-core").resolve(version));
    Files.copy(Path.of(System.getProperty("core.jar")),
        core.resolve("newsindex-core-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(Path.of("pom.xml"), core.resolve("newsindex-core-" + version + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    Path parent = Files.createDirectories(
        repo.resolve("dev/newsindex/newsindex-parent").resolve(version));
    Files.copy(Path.of("..", "pom.xml"), parent.resolve("newsindex-parent-" + version + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    return repo;
  }

  static String settings(Path outerRepo) {
    String repository = "<id>build-repository</id><url>" + outerRepo.toUri() + "</url>"
        + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled>"
        + "</snapshots>";
    return "<settings><profiles><profile><id>reuse</id>"
        + "<repositories><repository>" + repository + "</repository></repositories>"
        + "<pluginRepositories><pluginRepository>" + repository
        + "</pluginRepository></pluginRepositories>"
        + "</profile></profiles><activeProfiles><activeProfile>reuse</activeProfile>"
        + "</activeProfiles></settings>\n";
  }

  record Result(int code, String out) {}

  static Result exec(Path dir, List<String> command, int timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true);
    String javaHome = System.getProperty("java.home");
    pb.environment().put("JAVA_HOME", javaHome);
    if (Runtime.version().feature() >= 24) {
      pb.environment().put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
    }
    Process p = pb.start();
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        p.getInputStream().transferTo(out);
      } catch (IOException e) {
        // the process ended
      }
    });
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    reader.join();
    return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Standard output only: SLF4J's notice about a missing provider goes to stderr, as it should. */
  static String stdout(List<String> command) throws Exception {
    Path out = Files.createTempFile(WORK, "out", ".txt");
    Path err = Files.createTempFile(WORK, "err", ".txt");
    Process p = new ProcessBuilder(command).directory(project.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, p.exitValue(), Files.readString(err));
    assertTrue(!Files.readString(err).contains("Exception"), Files.readString(err));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void theExamplePrintsWhatTheReadmeShowsOnTheClassPath() throws Exception {
    Path index = Files.createTempDirectory(WORK, "index");
    String out = stdout(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp",
        "target/classes" + java.io.File.pathSeparator + classpath, "example.NewsSearch",
        index.toString()));
    assertEquals(files.get("output"), out);
  }

  @Test
  void theExamplePrintsTheSameAsAModule() throws Exception {
    assertTrue(files.containsKey("src/main/java/module-info.java"));
    Path index = Files.createTempDirectory(WORK, "index");
    String out = stdout(List.of(java(), "--enable-native-access=org.apache.lucene.core",
        "--module-path", "target/classes" + java.io.File.pathSeparator + classpath,
        "--module", "example/example.NewsSearch", index.toString()));
    assertEquals(files.get("output"), out);
  }

  @Test
  void theModuleHidesTheInternalPackages() throws Exception {
    Path src = Files.createDirectories(WORK.resolve("internal-use").resolve("example"));
    Files.writeString(src.getParent().resolve("module-info.java"),
        "module example { requires dev.newsindex; }\n");
    Files.writeString(src.resolve("Peek.java"), "package example;\n"
        + "class Peek { Object o = dev.newsindex.schema.NewsSchema.class; }\n");
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("--module-path", classpath, "-d",
        WORK.resolve("internal-use-classes").toString(),
        src.getParent().resolve("module-info.java").toString(),
        src.resolve("Peek.java").toString()));
    int code = javac.run(new PrintStream(err), new PrintStream(err), args.toArray(String[]::new));
    String message = err.toString(StandardCharsets.UTF_8);
    assertNotEquals(0, code, "an internal package was reachable through the module");
    assertTrue(message.contains("package dev.newsindex.schema is not visible")
        || message.contains("does not export dev.newsindex.schema"), message);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
