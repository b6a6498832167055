package dev.newsindex.eval;

import dev.newsindex.NewsArchive;
import dev.newsindex.search.Ranked;
import dev.newsindex.search.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * Runs topics against a {@link NewsArchive} as plain-text queries, any term or every term required
 * ({@link Mode}), producing a {@link Run}.
 */
public final class Evaluator {
  /** How a topic's words combine. */
  public enum Mode {
    /** Any word may match (OR), as test collections' sentence-like topics are usually run. */
    ANY,
    /** Every word is required (AND), as {@code newsindex search} runs a query by default. */
    ALL;

    /**
     * The lower-case name used on the command line.
     *
     * @return {@code any} or {@code all}
     */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The mode named {@code id}.
     *
     * @param id {@code any} or {@code all}, in any case
     * @return the mode
     * @throws IllegalArgumentException when {@code id} names neither
     */
    public static Mode parse(String id) {
      for (Mode m : values()) {
        if (m.id().equalsIgnoreCase(id.strip())) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown mode '" + id + "'; choose any or all");
    }
  }

  /** How many documents are retrieved per query (the depth of recall@1000 and of MAP). */
  public static final int DEPTH = Evaluation.DEPTH;

  private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT)\\b");

  private Evaluator() {}

  /**
   * The top {@value #DEPTH} articles for each topic, by article id.
   *
   * @param index the archive to search
   * @param topics the queries, each run as {@link #plainQuery} makes it; any term matches
   * @return the run: for each topic id, the article ids with their scores
   * @throws IOException when the archive cannot be read
   */
  public static Run run(NewsArchive index, List<Topic> topics) throws IOException {
    return run(index, topics, Mode.ANY);
  }

  /**
   * The top {@value #DEPTH} articles for each topic, by article id.
   *
   * @param index the archive to search
   * @param topics the queries, each run as {@link #plainQuery} makes it
   * @param mode whether any term may match or every term must
   * @return the run: for each topic id, the article ids with their scores
   * @throws IOException when the archive cannot be read
   */
  public static Run run(NewsArchive index, List<Topic> topics, Mode mode)
      throws IOException {
    Map<String, List<Run.Ranked>> results = new LinkedHashMap<>();
    for (Topic topic : topics) {
      List<Run.Ranked> ranked = new ArrayList<>();
      String query = plainQuery(topic.text());
      if (!query.isBlank()) {
        SearchRequest request = SearchRequest.of(query).withLimit(DEPTH).withMatchAll(mode == Mode.ALL)
            .withPassages(0);
        for (Ranked hit : index.rank(request)) {
          ranked.add(new Run.Ranked(hit.id(), hit.score()));
        }
      }
      results.put(topic.id(), ranked);
    }
    return new Run(results);
  }

  /**
   * {@code text} as a query that means the words it contains: query syntax characters escaped and
   * the capitalised operators {@code AND OR NOT} turned into words (collections such as TIME are
   * written in capitals).
   *
   * @param text a topic's text
   * @return the text in query syntax, matching its words only
   */
  public static String plainQuery(String text) {
    String escaped = QueryParserBase.escape(text.strip());
    return OPERATOR.matcher(escaped).replaceAll("\\\\$1");
  }
}
