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
 * The library as a user gets it: the example project of {@code docs/library.md} (its files, and
 * the commands that build and run it) is built by Maven as a separate project against the core jar
 * installed in a local repository, then run on the class path and on the module path, each of
 * which must print the output the page shows and nothing on standard error. The README's copies of
 * the example's blocks must equal the page's. Runs in the {@code verify} phase, after the jar is
 * packaged (failsafe). The commands run as written, in bash, with two changes only: Maven reads
 * {@code .mvn/maven.config} (batch mode, and {@code target/consumer-it/repo} as the local
 * repository, the build's own repository serving as a read-only remote for everything else), so
 * the shared {@code ~/.m2} never sees a snapshot of this build; and the index directory is one of
 * this run's own instead of {@value #DOC_INDEX}.
 */
class ConsumerProjectIT {
  static final Path LIBRARY_DOC = Path.of("..", "docs", "library.md");
  static final Path README = Path.of("..", "README.md");
  static final Path WORK = Path.of("target", "consumer-it").toAbsolutePath();
  static final Pattern BLOCK = Pattern.compile(
      "<!-- consumer-example: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);
  /** The index directory the page's commands name. */
  static final String DOC_INDEX = "/tmp/news-index";

  static Map<String, String> files;
  static Path project;
  static String classpath;
  static List<String> runs;
  static Path index;

  static Map<String, String> blocks(Path file) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (m.find()) {
      found.put(m.group(1), m.group(2) + "\n");
    }
    return found;
  }

  @BeforeAll
  static void buildTheDocumentedExample() throws Exception {
    files = blocks(LIBRARY_DOC);
    assertTrue(files.keySet().containsAll(List.of("pom.xml", "commands", "output")),
        files.keySet().toString());

    project = WORK.resolve("project");
    deleteTree(project);
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!f.getKey().equals("output") && !f.getKey().equals("commands")) {
        Path file = project.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
    }
    Path repo = installCore(WORK.resolve("repo"));
    Path settings = WORK.resolve("settings.xml");
    Files.writeString(settings, settings(Path.of(System.getProperty("outer.repo"))));
    Files.createDirectories(project.resolve(".mvn"));
    Files.writeString(project.resolve(".mvn").resolve("maven.config"), "-B\n-ntp\n-s\n"
        + settings + "\n-Dmaven.repo.local=" + repo + "\n");
    index = Files.createTempDirectory(WORK, "index");

    List<String> commands = files.get("commands").lines().filter(l -> !l.isBlank()).toList();
    assertTrue(commands.get(0).startsWith("mvn "), commands.get(0));
    Result build = bash(commands.get(0), 300);
    assertEquals(0, build.code(), "the documented example does not build:\n" + build.out());
    runs = commands.subList(1, commands.size());
    classpath = Files.readString(project.resolve("target").resolve("classpath.txt")).strip();
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

  /** Runs {@code command} in bash in the project, stdout and stderr together. */
  static Result bash(String command, int timeoutSeconds) throws Exception {
    Path out = Files.createTempFile(WORK, "out", ".txt");
    Process p = process(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + command);
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  /** The process of {@code command} as a user's shell would run it, with JAVA_HOME and mvn set. */
  static ProcessBuilder process(String command) {
    String line = command.replace(DOC_INDEX, index.toString());
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(project.toFile());
    String javaHome = System.getProperty("java.home");
    pb.environment().put("JAVA_HOME", javaHome);
    pb.environment().put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator
        + Path.of(System.getProperty("maven.home"), "bin") + java.io.File.pathSeparator
        + System.getenv("PATH"));
    if (Runtime.version().feature() >= 24) {
      pb.environment().put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
    }
    return pb;
  }

  /** Runs one of the page's java commands: its standard output; standard error must be empty. */
  static String run(String command) throws Exception {
    Path out = Files.createTempFile(WORK, "out", ".txt");
    Path err = Files.createTempFile(WORK, "err", ".txt");
    Process p = process(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, p.exitValue(), Files.readString(err));
    assertEquals("", Files.readString(err), "the run is not quiet: " + command);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void eachDocumentedRunPrintsWhatThePageShows() throws Exception {
    assertEquals(2, runs.size(), runs.toString());
    assertTrue(runs.get(0).contains(" -cp "), runs.get(0));
    assertTrue(runs.get(1).contains(" -m example/"), runs.get(1));
    assertTrue(files.containsKey("src/main/java/module-info.java"));
    // Class path first, then module path on the same index: the articles are found unchanged.
    for (String command : runs) {
      assertEquals(files.get("output"), run(command), command);
    }
  }

  @Test
  void theReadmeShowsTheSameExample() throws Exception {
    Map<String, String> readme = blocks(README);
    assertTrue(readme.containsKey("src/main/java/example/NewsSearch.java"), readme.keySet()
        .toString());
    for (Map.Entry<String, String> b : readme.entrySet()) {
      assertEquals(files.get(b.getKey()), b.getValue(), "README.md's " + b.getKey()
          + " is not docs/library.md's");
    }
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
