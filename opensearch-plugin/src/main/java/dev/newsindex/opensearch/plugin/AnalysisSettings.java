package dev.newsindex.opensearch.plugin;

import dev.newsindex.analysis.NewsSynonyms;
import dev.newsindex.Stemmer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.Analysis;

/** Reads the settings the plugin's analyzers and filters take (see {@link Names}). */
final class AnalysisSettings {
  private AnalysisSettings() {}

  /** The stemmer named by {@link Names#STEMMER}, {@link Stemmer#DEFAULT} when absent. */
  static Stemmer stemmer(Settings settings) {
    String id = settings.get(Names.STEMMER);
    return id == null ? Stemmer.DEFAULT : Stemmer.parse(id);
  }

  /**
   * The synonym map of the bundled aliases (unless {@link Names#BUNDLED_SYNONYMS} is false) and
   * the user's rules, inline ({@link Names#SYNONYMS}) and from a file ({@link
   * Names#SYNONYMS_PATH}); null when there are none. A malformed rule fails the index's creation
   * with a message that names its line.
   */
  static SynonymMap synonyms(Environment env, Settings settings) {
    boolean bundled = settings.getAsBoolean(Names.BUNDLED_SYNONYMS, true);
    StringBuilder rules = new StringBuilder();
    for (String rule : settings.getAsList(Names.SYNONYMS, List.of())) {
      rules.append(rule).append('\n');
    }
    if (settings.get(Names.SYNONYMS_PATH) != null) {
      try (Reader file = Analysis.getReaderFromFile(env, settings, Names.SYNONYMS_PATH)) {
        StringWriter text = new StringWriter();
        file.transferTo(text);
        rules.append(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!bundled && rules.toString().isBlank()) {
      return null;
    }
    SynonymMap map = NewsSynonyms.build(bundled, rules.toString());
    return map.fst == null ? null : map;
  }
}
