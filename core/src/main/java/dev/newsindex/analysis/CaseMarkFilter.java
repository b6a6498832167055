package dev.newsindex.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Carries a word's case past lower-casing, for synonym rules whose words must match in case
 * ({@code Fed} the Federal Reserve, not {@code fed} the verb): appends a mark to the term saying
 * whether it was {@link #CAPITALISED}, all {@link #UPPER} case or {@link #MIXED}; a lower-case
 * word gets none. Runs before lower-casing, which leaves the marks alone.
 *
 * <ul>
 *   <li>In synonym rules ({@code words} null), every word with a capital is marked: the mark says
 *       what case the rule asks for (see {@link CaseRules}).
 *   <li>In queries, only words that some rule asks to match in case ({@code words}, any case) are
 *       marked, with the case they have; {@link #strip} removes the marks of words no rule took.
 * </ul>
 *
 * <p>Dotted acronyms and other keywords ({@code u.s}, {@code at&t}) were already told apart by
 * {@link AcronymFilter} and are never marked.
 */
public final class CaseMarkFilter extends TokenFilter {
  /** First letter a capital, the others lower case: {@code Fed}. */
  static final char CAPITALISED = '\uE001';
  /** Every letter a capital: {@code FED}, {@code AU}, {@code A}. */
  static final char UPPER = '\uE002';
  /** Capitals elsewhere: {@code iPhone}, {@code McCain}. */
  static final char MIXED = '\uE003';

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  private final CharArraySet words;

  /** Marks the words of {@code words} (any case), or with {@code words} null every word. */
  CaseMarkFilter(TokenStream in, CharArraySet words) {
    super(in);
    this.words = words;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keywordAtt.isKeyword()
        && (words == null || words.contains(termAtt.buffer(), 0, termAtt.length()))) {
      char mark = markOf(termAtt.buffer(), termAtt.length());
      if (mark != 0) {
        termAtt.append(mark);
      }
    }
    return true;
  }

  /** The mark for the case of {@code b[0, n)}, or 0 for a word with no capital. */
  static char markOf(char[] b, int n) {
    int upper = 0;
    int lower = 0;
    boolean firstUpper = false;
    boolean seenLetter = false;
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (Character.isUpperCase(c)) {
        upper++;
        firstUpper |= !seenLetter;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
      seenLetter |= Character.isLetter(c);
    }
    if (upper == 0) {
      return 0;
    }
    if (lower == 0) {
      return UPPER;
    }
    return firstUpper && upper == 1 ? CAPITALISED : MIXED;
  }

  static boolean isMark(char c) {
    return c == CAPITALISED || c == UPPER || c == MIXED;
  }

  /**
   * The query-time marking step for the rules of {@code synonyms}: marks the words some rule asks
   * to match in case, or changes nothing when no rule does (public for the OpenSearch plugin's
   * adapter, which builds {@link NewsAnalyzer}'s chain from its registered steps).
   *
   * @param synonyms the synonym map the query chain applies after this step; may be null
   * @return the step, to apply to a token stream before lower-casing
   */
  public static java.util.function.UnaryOperator<TokenStream> forRules(
      org.apache.lucene.analysis.synonym.SynonymMap synonyms) {
    CharArraySet words = CaseRules.caseWords(synonyms);
    return words.isEmpty() ? in -> in : in -> new CaseMarkFilter(in, words);
  }

  /**
   * {@code in} with the case marks of the words no synonym rule took removed: the step after the
   * synonyms (public for the OpenSearch plugin's adapter).
   *
   * @param in the tokens after the synonym step
   * @return the stream without case marks
   */
  public static TokenStream strip(TokenStream in) {
    return new TokenFilter(in) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
          return false;
        }
        int n = term.length();
        if (n > 0 && isMark(term.buffer()[n - 1])) {
          term.setLength(n - 1);
        }
        return true;
      }
    };
  }
}
