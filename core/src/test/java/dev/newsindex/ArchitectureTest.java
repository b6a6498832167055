package dev.newsindex;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * The layering of the core module's packages, as rules over its compiled classes. The root
 * package holds both the top (the facade {@link NewsIndex} and {@link NewsArchive}, which use every
 * other package) and the bottom (the article, the settings and the exceptions, which every other
 * package may use), so it is split into those layers here; with that, no cycle is allowed.
 */
@AnalyzeClasses(packages = "dev.newsindex", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** The root package's top layer. */
  private static final Set<String> FACADE = Set.of(NewsIndex.class.getName(),
      NewsArchive.class.getName());

  /**
   * One slice per package, but the root package's classes in three: the facade, the settings
   * (which check synonym rules with the analysis package) and the values below everything.
   */
  private static final SliceAssignment LAYERS = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String pkg = c.getPackageName();
      if (!pkg.startsWith("dev.newsindex")) {
        return SliceIdentifier.ignore();
      }
      if (!pkg.equals("dev.newsindex")) {
        return SliceIdentifier.of(pkg);
      }
      String top = c.getName().replaceFirst("\\$.*", ""); // nested classes go with their own
      if (FACADE.contains(top)) {
        return SliceIdentifier.of("dev.newsindex (facade)");
      }
      if (top.equals(IndexSettings.class.getName())) {
        return SliceIdentifier.of("dev.newsindex (settings)");
      }
      return SliceIdentifier.of("dev.newsindex (values)");
    }

    @Override
    public String getDescription() {
      return "packages, with the root package split into facade, settings and values";
    }
  };

  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().assignedFrom(LAYERS).should()
      .beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingBelowTheFacadeUsesIt = noClasses()
      .that(describe("are not the facade", c -> !FACADE.contains(c.getName().replaceFirst(
          "\\$.*", ""))))
      .and().resideOutsideOfPackage("dev.newsindex.eval")
      .should().dependOnClassesThat().belongToAnyOf(NewsIndex.class, NewsArchive.class)
      .because("the facade is the top of the library and everything else is what it is built of;"
          + " only evaluation, which scores rankings of any archive, sits above it");

  @ArchTest
  static final ArchRule readersKnowNothingOfLucene = noClasses()
      .that().resideInAPackage("dev.newsindex.ingest..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
      .because("a reader turns a format into Article values; the schema maps those to Lucene");
}
