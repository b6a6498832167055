package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training index: what its recorded run searches. */
class CacheTrainingTest {
  @TempDir Path home;

  @Test
  void theTrainingIndexHoldsEveryLanguageWithAChainOfItsOwnSoEveryChainIsTrained()
      throws Exception {
    CacheTraining.main(new String[] {"--prepare", home.toString()});
    String index = home.resolve("index-data").resolve("index").toString();
    CliRun langs = CliRun.run("search", "--index", index, "--json", "--facet", "lang", "*");
    assertEquals(0, langs.exitCode(), langs.err());
    for (String lang : new String[] {"\"en\"", "\"ar\"", "\"de\"", "\"es\"", "\"fr\""}) {
      assertTrue(langs.out().contains(lang), lang + " in " + langs.out());
    }
    // The plain searches it runs find what they are meant to: a French article, one MENAFN hit.
    CliRun french = CliRun.run("search", "--index", index, "--json", "tempête");
    assertTrue(french.out().contains("\"l1\""), french.out());
    CliRun one = CliRun.run("search", "--index", index, "--json", "deterrence strategy");
    assertTrue(one.out().contains("\"total_hits\":1,"), one.out());
  }
}
