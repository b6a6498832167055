package dev.newsindex.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Recognises acronyms before case is lost, and gives each one form: {@code U.S.}, {@code U.S} and
 * {@code US} (the country) all become {@code u.s}, while the pronoun {@code us} stays {@code us};
 * {@code U.N.} and {@code UN} become {@code un}, {@code U.K.} and {@code UK} become {@code uk}.
 * Acronyms are marked as keywords, so no stemmer touches them.
 * Ampersand acronyms, which {@link NewsCharFilter} kept whole ({@code AT&T}, {@code S&P}), get
 * their {@code &} back and are keywords too.
 *
 * <ul>
 *   <li>Dotted single letters ({@code U.S}, {@code u.s}, {@code E.U}; the tokenizer has already
 *       dropped a final dot) are acronyms whatever their case.
 *   <li>An undotted acronym that is also a common English word ({@link #WORD_ACRONYMS}: {@code US},
 *       {@code IT}, {@code WHO}, {@code AIDS}) counts as the acronym only when written in capitals
 *       <em>and</em> its neighbours (two tokens either side) are not mostly in capitals: in a
 *       headline or text set all in capitals ({@code LET US GO}) capitals say nothing, and the word
 *       is left to be the word. A query of the acronym alone ({@code US}) has no neighbours and means
 *       the acronym.
 *   <li>Other capitalised tokens ({@code NATO}, {@code UN}) need nothing: lower-casing gives every
 *       spelling the same term.
 * </ul>
 *
 * <p>Only undotted word-acronyms need to look ahead, and only then are up to two following tokens
 * buffered; positions and offsets pass through unchanged.
 */
public final class AcronymFilter extends TokenFilter {
  /** Acronyms that are also English words: these get a dotted term of their own. */
  public static final Set<String> WORD_ACRONYMS = Set.of("US", "IT", "WHO", "AIDS");

  private static final int WINDOW = 2;
  private static final int NONE = 0;
  private static final int UPPER = 1;
  private static final int LOWER = 2;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  private final ArrayDeque<State> pending = new ArrayDeque<>();
  private final ArrayDeque<Integer> pendingCase = new ArrayDeque<>();
  private final int[] history = new int[WINDOW];
  private boolean exhausted;

  /** Wraps {@code in}, which must still carry the original case. */
  public AcronymFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(pending.removeFirst());
      pendingCase.removeFirst();
    } else if (exhausted || !input.incrementToken()) {
      exhausted = true;
      return false;
    }
    int ownCase = caseOf(termAtt);
    String dotted = dottedLetters(termAtt);
    if (restoreAmpersands(termAtt)) {
      keywordAtt.setKeyword(true); // AT&T, S&P: acronyms, not stemmed
    } else if (dotted != null) {
      String letters = dotted;
      setTerm(WORD_ACRONYMS.contains(letters) ? withDots(letters) : letters.toLowerCase(
          java.util.Locale.ROOT));
      keywordAtt.setKeyword(true);
    } else if (ownCase == UPPER && WORD_ACRONYMS.contains(termAtt.toString())
        && !shouted()) {
      setTerm(withDots(termAtt.toString()));
      keywordAtt.setKeyword(true);
    }
    history[1] = history[0];
    history[0] = ownCase;
    return true;
  }

  /** Whether the neighbours of the current token are mostly in capitals. */
  private boolean shouted() throws IOException {
    if (pending.size() < WINDOW && !exhausted) {
      State current = captureState();
      while (pending.size() < WINDOW && !exhausted) {
        if (input.incrementToken()) {
          pendingCase.addLast(caseOf(termAtt));
          pending.addLast(captureState());
        } else {
          exhausted = true;
        }
      }
      restoreState(current);
    }
    int upper = 0;
    int lower = 0;
    for (int c : history) {
      upper += c == UPPER ? 1 : 0;
      lower += c == LOWER ? 1 : 0;
    }
    for (int c : pendingCase) {
      upper += c == UPPER ? 1 : 0;
      lower += c == LOWER ? 1 : 0;
    }
    return upper > lower;
  }

  /** Turns {@link NewsCharFilter#AMPERSAND}s back into {@code &}; whether there was one. */
  private static boolean restoreAmpersands(CharTermAttribute term) {
    boolean found = false;
    char[] b = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (b[i] == NewsCharFilter.AMPERSAND) {
        b[i] = '&';
        found = true;
      }
    }
    return found;
  }

  private void setTerm(String text) {
    termAtt.setEmpty().append(text);
  }

  private static String withDots(String letters) {
    StringBuilder b = new StringBuilder(letters.length() * 2);
    for (int i = 0; i < letters.length(); i++) {
      if (i > 0) {
        b.append('.');
      }
      b.append(Character.toLowerCase(letters.charAt(i)));
    }
    return b.toString();
  }

  /** The upper-cased letters of a dotted acronym ({@code U.S}, {@code u.s.a}), else null. */
  static String dottedLetters(CharTermAttribute term) {
    int n = term.length();
    char[] b = term.buffer();
    if (n < 3 || b[1] != '.') {
      return null;
    }
    StringBuilder letters = new StringBuilder(n / 2 + 1);
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (i % 2 == 0) {
        if (!Character.isLetter(c)) {
          return null;
        }
        letters.append(Character.toUpperCase(c));
      } else if (c != '.') {
        return null;
      }
    }
    return letters.toString();
  }

  /**
   * UPPER: at least two letters, none lower case; LOWER: some lower-case letter; else NONE (also
   * for dotted acronyms, which look the same in any text).
   */
  private static int caseOf(CharTermAttribute term) {
    if (dottedLetters(term) != null) {
      return NONE;
    }
    int letters = 0;
    char[] b = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      char c = b[i];
      if (Character.isLowerCase(c)) {
        return LOWER;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 2 ? UPPER : NONE;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    pendingCase.clear();
    history[0] = NONE;
    history[1] = NONE;
    exhausted = false;
  }
}
