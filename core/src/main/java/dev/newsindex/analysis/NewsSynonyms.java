package dev.newsindex.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Entity aliases for query-time expansion, in Solr's synonym format (one rule per line: {@code a, b,
 * c} makes each mean all of them; {@code a => b} rewrites {@code a}; {@code #} starts a comment).
 *
 * <p>The bundled list ({@value #BUNDLED}) covers countries, organisations and leaders as news
 * writes them ({@code DPRK, North Korea}; {@code UK, U.K., Britain, United Kingdom}; {@code Fed,
 * Federal Reserve}). Rules are read with {@link NewsAnalyzer}'s chain before synonyms, so case
 * matters as in text: the rule word {@code US} is the country, {@code us} would be the pronoun.
 * Rules are matched before stop words are removed, so a name's stop words count ({@code Bank of
 * England}), and an alias expanded to such a name is a phrase with the stop word's gap, as the name
 * is indexed.
 */
public final class NewsSynonyms {
  /** The class-path resource holding the bundled rules. */
  public static final String BUNDLED = "news-synonyms.txt";

  private NewsSynonyms() {}

  /**
   * The synonym map of the bundled rules (when {@code bundled}) and {@code userRules} (Solr format;
   * empty for none).
   *
   * @throws IllegalArgumentException naming the line of a malformed user rule
   */
  public static SynonymMap build(boolean bundled, String userRules) {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, NewsAnalyzer.forRules());
    try {
      if (bundled) {
        try (InputStream in = NewsSynonyms.class.getResourceAsStream(BUNDLED)) {
          if (in == null) {
            throw new IllegalStateException("the bundled synonyms " + BUNDLED + " are missing");
          }
          parse(parser, new InputStreamReader(in, StandardCharsets.UTF_8), "bundled synonyms");
        }
      }
      if (!userRules.isBlank()) {
        parse(parser, new StringReader(userRules), "synonyms");
      }
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void parse(SolrSynonymParser parser, Reader rules, String what)
      throws IOException {
    try {
      parser.parse(rules);
    } catch (ParseException e) {
      // Solr's parser says "Invalid synonym rule at line N" and keeps the reason as the cause.
      java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)")
          .matcher(String.valueOf(e.getMessage()));
      String reason = e.getCause() != null && e.getCause().getMessage() != null
          ? e.getCause().getMessage() : String.valueOf(e.getMessage());
      throw new IllegalArgumentException(what + (line.find() ? " line " + line.group(1) : "")
          + ": " + reason.lines().findFirst().orElse("malformed rule"), e);
    }
  }

  /**
   * Checks {@code userRules} (Solr format) and returns them unchanged.
   *
   * @throws IllegalArgumentException naming the line of a malformed rule
   */
  public static String check(String userRules) {
    build(false, userRules);
    return userRules;
  }
}
