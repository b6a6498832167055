package dev.newsindex.search.internal;

import dev.newsindex.QuerySyntaxException;
import dev.newsindex.analysis.EnglishWords;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.SearchLimits;
import dev.newsindex.search.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;

/**
 * Did-you-mean: a corrected query for one that found little. Each word of the query that is
 * neither an ordinary English word ({@link EnglishWords}) nor in the index's vocabulary of other
 * words (names, places, jargon; {@link NewsSchema#WORDS}) is replaced by the closest word that is:
 * from the index's vocabulary, or an English word whose stem the index holds. Closest means fewest
 * edits (at most {@value #MAX_EDITS}, a transposition counting one, the first letter kept, as
 * Lucene's {@link DirectSpellChecker} finds them), then the most articles. Offered only when it
 * finds more than the original.
 *
 * <p>The rule is written once, over a {@link Vocabulary}: a local index answers from its reader, a
 * cluster (newsindex-opensearch) from its term suggester and counts, so both suggest alike. The
 * vocabulary is asked in batches (three requests at most, then one count), which a cluster
 * answers in as many round trips.
 */
public final class Suggester {
  /** Below this many hits a spelling correction is looked for. */
  public static final int BELOW = 3;
  /** The most edits between a word and its correction (DirectSpellChecker's default). */
  public static final int MAX_EDITS = 2;
  /** Words shorter than this are not corrected from the vocabulary (DirectSpellChecker's). */
  public static final int MIN_LENGTH = 4;
  /** How many similar vocabulary words are weighed for each word. */
  public static final int CANDIDATES = 5;

  private static final Pattern WORD =
      Pattern.compile("(?<![\\w:\\\\~^])(\\p{L}{3,})(?![\\w:*?~])");

  /** Where the words, their counts and the corrected query's hits come from. */
  public interface Vocabulary {
    /**
     * In how many articles each term occurs.
     *
     * @param terms field and text of each term
     * @return the counts, in the order of {@code terms}
     * @throws IOException when reading fails
     */
    long[] docFreqs(List<Term> terms) throws IOException;

    /**
     * For each word, which the vocabulary field does not hold, up to {@value #CANDIDATES} of its
     * words within {@value #MAX_EDITS} edits, as {@link DirectSpellChecker#suggestSimilar} with
     * its defaults and {@code SUGGEST_WHEN_NOT_IN_INDEX} finds them on {@link NewsSchema#WORDS}.
     *
     * @param words words as the vocabulary field holds them (normalised)
     * @return the candidates of each word, in the order of {@code words}
     * @throws IOException when reading fails
     */
    List<List<Candidate>> similar(List<String> words) throws IOException;

    /**
     * How many articles {@code request} matches, its filters applied.
     *
     * @param request the corrected request
     * @return the number of matching articles
     * @throws IOException when searching fails
     */
    long count(SearchRequest request) throws IOException;
  }

  /**
   * A word of the vocabulary and how many articles hold it.
   *
   * @param word the word
   * @param articles the articles holding it
   */
  public record Candidate(String word, long articles) {}

  private final Analyzer queryAnalyzer;
  private final Analyzer indexAnalyzer;

  /**
   * A suggester for an index analysed with {@code indexAnalyzer} and searched with {@code
   * queryAnalyzer}.
   *
   * @param queryAnalyzer normalises a query's words as the vocabulary field holds them
   * @param indexAnalyzer stems an English word as the body was indexed
   */
  public Suggester(Analyzer queryAnalyzer, Analyzer indexAnalyzer) {
    this.queryAnalyzer = queryAnalyzer;
    this.indexAnalyzer = indexAnalyzer;
  }

  /** A word of the query that may be corrected. */
  private static final class Word {
    int start;
    int end;
    String folded;
    List<Candidate> similar = List.of();
    List<EnglishWords.Near> near = List.of();
    List<String> stems = new ArrayList<>();
    int firstStem = -1;
  }

  /**
   * The corrected query for {@code request}, which found {@code found} articles, or null when no
   * word needs correcting or the correction finds no more.
   *
   * @param request the request that found little
   * @param found how many articles it found
   * @param vocabulary the index's words and counts
   * @return the corrected query text, or null
   * @throws IOException when the vocabulary cannot be read
   */
  public String suggest(SearchRequest request, long found, Vocabulary vocabulary)
      throws IOException {
    String text = request.query();
    List<Word> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group(1);
      if (List.of("AND", "OR", "NOT", "TO").contains(word)
          || word.length() > SearchLimits.MAX_SUGGEST_WORD_CHARS) {
        continue;
      }
      if (words.size() >= SearchLimits.MAX_SUGGEST_WORDS) {
        break;
      }
      // Lower-cased and folded as the vocabulary field holds words (its analyzer's normal form).
      String folded = queryAnalyzer.normalize(NewsSchema.WORDS, word).utf8ToString();
      if (EnglishWords.contains(folded)) {
        continue;
      }
      Word w = new Word();
      w.start = m.start(1);
      w.end = m.end(1);
      w.folded = folded;
      words.add(w);
    }
    if (words.isEmpty()) {
      return null;
    }
    long[] known = vocabulary.docFreqs(words.stream()
        .map(w -> new Term(NewsSchema.WORDS, w.folded)).toList());
    List<Word> unknown = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (known[i] == 0 && words.get(i).folded.length() >= MIN_LENGTH) {
        unknown.add(words.get(i));
      }
    }
    if (unknown.isEmpty()) {
      return null;
    }
    List<List<Candidate>> similar = vocabulary.similar(unknown.stream().map(w -> w.folded)
        .toList());
    // The stems of the English words near each unknown word, title and body counted together.
    List<Term> stems = new ArrayList<>();
    for (int i = 0; i < unknown.size(); i++) {
      Word w = unknown.get(i);
      w.similar = similar.get(i);
      w.near = EnglishWords.near(w.folded, MAX_EDITS);
      w.firstStem = stems.size();
      for (EnglishWords.Near n : w.near) {
        String stem = stem(n.word());
        w.stems.add(stem);
        // No stem (a stop word): counted as absent below, whatever the empty term's count.
        String t = stem == null ? "" : stem;
        stems.add(new Term(NewsSchema.BODY, t));
        stems.add(new Term(NewsSchema.TITLE, t));
      }
    }
    long[] stemFreqs = stems.isEmpty() ? new long[0] : vocabulary.docFreqs(stems);
    StringBuilder out = new StringBuilder();
    int at = 0;
    boolean changed = false;
    for (Word w : unknown) {
      String best = null;
      int bestEdits = Integer.MAX_VALUE;
      long bestFreq = -1;
      for (Candidate c : w.similar) {
        int edits = EnglishWords.distance(w.folded, c.word(), MAX_EDITS);
        if (edits < bestEdits || edits == bestEdits && c.articles() > bestFreq) {
          best = c.word();
          bestEdits = edits;
          bestFreq = c.articles();
        }
      }
      for (int k = 0; k < w.near.size(); k++) {
        EnglishWords.Near n = w.near.get(k);
        if (n.edits() > bestEdits) {
          break; // nearest first: the rest are farther
        }
        int s = w.firstStem + 2 * k;
        long freq = w.stems.get(k) == null ? 0 : Math.max(stemFreqs[s], stemFreqs[s + 1]);
        if (freq > 0 && (n.edits() < bestEdits || freq > bestFreq)) {
          best = n.word();
          bestEdits = n.edits();
          bestFreq = freq;
        }
      }
      if (best == null) {
        continue;
      }
      out.append(text, at, w.start).append(best);
      at = w.end;
      changed = true;
    }
    if (!changed) {
      return null;
    }
    out.append(text.substring(at));
    String corrected = out.toString();
    try {
      SearchRequest again = request.toBuilder().query(corrected).build();
      return vocabulary.count(again) > found ? corrected : null;
    } catch (QuerySyntaxException e) {
      return null;
    }
  }

  /** The stem of {@code word} as the body is indexed, or null when it has none (a stop word). */
  private String stem(String word) throws IOException {
    try (TokenStream ts = indexAnalyzer.tokenStream(NewsSchema.BODY, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String stem = ts.incrementToken() ? term.toString() : null;
      ts.end();
      return stem;
    }
  }
}
