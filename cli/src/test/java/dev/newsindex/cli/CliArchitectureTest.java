package dev.newsindex.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line is a front end over the library's API: it uses only the packages the core
 * module exports (read from core's own module descriptor, so the rule follows module-info.java),
 * never schema, analysis, index writing or how searches run.
 */
@AnalyzeClasses(packages = "dev.newsindex.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
  private static final Set<String> EXPORTED = exportedByCore();

  @ArchTest
  static final ArchRule usesOnlyWhatCoreExports = noClasses()
      .that().resideInAPackage("dev.newsindex.cli..")
      .should().dependOnClassesThat(describe("are in a package the core module does not export "
          + EXPORTED, CliArchitectureTest::inUnexportedCorePackage))
      .because("the CLI is a thin front end over the API; internal packages may change in any"
          + " release, and a modular application could not reach them either");

  /**
   * The same in the sources: javac copies a constant ({@code static final String}) into the class
   * that uses it, so its class never sees the one that defines it.
   */
  @Test
  void importsOnlyWhatCoreExports() throws IOException {
    Path sources = Path.of(System.getProperty("basedir", "."), "src", "main", "java");
    Pattern reference = Pattern.compile("\\b(dev\\.newsindex(?:\\.[a-z]\\w*)*)\\.[A-Z*]");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = reference.matcher(lines.get(i));
          while (m.find()) {
            if (isUnexportedCorePackage(m.group(1))) {
              found.add(sources.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertEquals(List.of(), found, "the CLI names packages the core module does not export "
        + EXPORTED);
  }

  private static boolean inUnexportedCorePackage(JavaClass c) {
    return isUnexportedCorePackage(c.getPackageName());
  }

  private static boolean isUnexportedCorePackage(String pkg) {
    return (pkg.equals("dev.newsindex") || pkg.startsWith("dev.newsindex."))
        && !pkg.startsWith("dev.newsindex.cli") && !EXPORTED.contains(pkg);
  }

  /** The packages core's module-info exports (unqualified), from its compiled descriptor. */
  private static Set<String> exportedByCore() {
    try {
      Path core = Path.of(NewsIndex.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      ModuleReference module = ModuleFinder.of(core).find("dev.newsindex").orElseThrow(
          () -> new IllegalStateException("no module dev.newsindex at " + core));
      return module.descriptor().exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toUnmodifiableSet());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
