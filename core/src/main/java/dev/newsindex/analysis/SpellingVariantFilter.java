package dev.newsindex.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Folds British spellings to American ones ({@code organisation} → {@code organization}, {@code
 * labour} → {@code labor}, {@code defence} → {@code defense}, {@code programme} → {@code program},
 * {@code centre} → {@code center}), so that a story and a query meet whichever spelling each
 * uses. The pairs are whole words, listed in {@value #LIST} (about 1,650, made from the SCOWL word
 * lists: see the list's header); a word not listed is left as it is, so no pattern ever turns one
 * real word into another ({@code tour} is not {@code tor}). Expects lower-cased, folded terms;
 * keywords (acronyms) are left alone.
 *
 * <p>With the Porter stemmer it also marks {@link StemGuard}'s protected words as keywords, in the
 * same look-up: one hash look-up per token for both jobs (a filter of its own for the guard cost
 * a measurable share of the chain in {@code bench/run AnalyzerThroughput}).
 */
public final class SpellingVariantFilter extends TokenFilter {
  /** What a listed word becomes, and whether it is then a keyword (no stemmer touches it). */
  record Fold(char[] word, boolean keyword) {}
  /** The class-path resource holding the pairs. */
  static final String LIST = "spelling-variants.txt";

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  private final CharArrayMap<Fold> folds;

  /** Folds spellings in {@code in} as {@code folds} says (see {@link #folds}). */
  SpellingVariantFilter(TokenStream in, CharArrayMap<Fold> folds) {
    super(in);
    this.folds = folds;
  }

  /**
   * The look-up table: British spellings (when {@code spelling}) and, when {@code protect}, the
   * words of {@link StemGuard#KEYWORDS} marked as keywords (also where a British spelling folds
   * to one); null when it would be empty.
   */
  static CharArrayMap<Fold> folds(boolean spelling, boolean protect) {
    return foldsOrNull(spelling, protect);
  }

  /**
   * {@code in} with British spellings folded to American ones and, when {@code protect} (the
   * Porter chain), {@link StemGuard}'s protected words marked as keywords: the step of {@link
   * NewsAnalyzer}'s chain (public for the OpenSearch plugin's adapter).
   *
   * @param in the tokens, lower-cased and folded
   * @param protect whether to mark the stemmer guard's protected words as keywords
   * @return the filtered stream
   */
  public static TokenStream of(TokenStream in, boolean protect) {
    return new SpellingVariantFilter(in, foldsOrNull(true, protect));
  }

  private static CharArrayMap<Fold> foldsOrNull(boolean spelling, boolean protect) {
    if (spelling) {
      return protect ? Both.MAP : Spelling.MAP;
    }
    return protect ? Protected.MAP : null;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keywordAtt.isKeyword()) {
      Fold fold = folds.get(termAtt.buffer(), 0, termAtt.length());
      if (fold != null) {
        termAtt.copyBuffer(fold.word, 0, fold.word.length);
        keywordAtt.setKeyword(fold.keyword);
      }
    }
    return true;
  }

  /** The pairs of the list, British to American, read on first use. */
  private static final class Pairs {
    static final CharArrayMap<char[]> BRITISH = read();

    private static CharArrayMap<char[]> read() {
      List<String> lines = WordLists.lines(SpellingVariantFilter.class, LIST);
      if (lines == null) {
        throw new IllegalStateException("the spelling variants " + LIST + " are missing");
      }
      CharArrayMap<char[]> map = new CharArrayMap<>(2048, false);
      for (String line : lines) {
        List<String> pair = WordLists.words(line);
        if (pair.size() < 2 || line.startsWith("#")) {
          continue;
        }
        map.put(pair.get(0), pair.get(1).toCharArray());
      }
      return CharArrayMap.unmodifiableMap(map);
    }
  }

  // The three tables, each made on first use: a chain asks for one or two of them.
  private static final class Spelling {
    static final CharArrayMap<Fold> MAP = make(true, false);
  }

  private static final class Protected {
    static final CharArrayMap<Fold> MAP = make(false, true);
  }

  private static final class Both {
    static final CharArrayMap<Fold> MAP = make(true, true);
  }

  private static CharArrayMap<Fold> make(boolean spelling, boolean protect) {
    CharArrayMap<Fold> map = new CharArrayMap<>(2048, false);
    CharArraySet kept = StemGuard.protectedWords();
    if (spelling) {
      for (var e : Pairs.BRITISH.entrySet()) {
        char[] american = e.getValue();
        map.put((char[]) e.getKey(), new Fold(american, protect && kept.contains(american)));
      }
    }
    if (protect) {
      for (Object w : kept) {
        char[] word = (char[]) w;
        map.put(word, new Fold(word, true));
      }
    }
    return CharArrayMap.unmodifiableMap(map);
  }
}
