package dev.newsindex.schema;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Whether a text is English by the cheapest evidence there is: its function words. Running English
 * is about a third {@link #ENGLISH_WORDS} (the, of, and, said); another language's text has few of
 * them and many of its own ({@link #OTHER_WORDS}). A text where English function words are at least a
 * fifth of the words, and other languages' at most an eighth as many, is English; any other text
 * is left to the n-gram profiles. {@code bench/run EnglishEvidenceBench --corpora DIR} compares
 * this with the profiles alone on every article of the corpora: it settles most English news
 * articles (all but Reuters' tables of figures, mostly) at a fraction of the profiles' cost, and
 * says English where they say English or, on a few texts they find unsure, nothing.
 */
final class EnglishEvidence {
  /** The fewest words a text needs for the evidence to count. */
  static final int MIN_WORDS = 20;

  /** English function words, in lower case. */
  private static final List<String> ENGLISH_WORDS = List.of("the", "of", "and", "to",
      "in", "that", "for", "with", "said", "was", "is", "on", "by", "from", "at", "as", "it", "has",
      "have", "had", "be", "are", "were", "been", "which", "will", "would", "this", "their", "its",
      "an", "a", "not", "but", "or", "he", "his", "they", "we", "after", "also");

  /**
   * The most common function words of the other languages detected ({@link
   * LanguageDetection#LANGUAGES} in Latin script), but for those English has too (do, met, per, van).
   */
  private static final List<String> OTHER_WORDS = List.of(
      "de", "la", "le", "les", "et", "des", "du", "une", "est", "que", "qui", "dans", "pour", "sur",
      "par", "au", "il", "der", "die", "das", "und", "den", "dem", "ist", "nicht", "mit", "von",
      "zu", "sich", "ein", "eine", "auf", "im", "el", "los", "las", "del", "y", "en", "por", "con",
      "se", "una", "es", "di", "che", "della", "e", "gli", "o", "os", "da", "dos", "das", "em",
      "não", "um", "uma", "com", "para", "het", "een", "dat", "niet", "voor", "zijn", "och", "att",
      "det", "som", "på", "är", "av", "för", "w", "z", "na", "się", "że", "nie", "jest", "ve",
      "bir", "bu", "için", "ile");

  /** The longest of these words. */
  private static final int MAX_LENGTH = Math.max(
      ENGLISH_WORDS.stream().mapToInt(String::length).max().orElseThrow(),
      OTHER_WORDS.stream().mapToInt(String::length).max().orElseThrow());

  /** {@link #OTHER_WORDS} for the words with letters beyond ASCII. */
  private static final CharArraySet OTHERS = new CharArraySet(OTHER_WORDS, true);


  /** {@link #ENGLISH_WORDS} and {@link #OTHER_WORDS} of plain ASCII letters, as {@link #key}s, sorted. */
  private static final long[] ENGLISH_KEYS = keys(ENGLISH_WORDS);
  private static final long[] OTHER_KEYS = keys(OTHER_WORDS);

  private EnglishEvidence() {}

  private static long[] keys(List<String> words) {
    return words.stream().filter(w -> w.chars().allMatch(c -> c >= 'a' && c <= 'z'))
        .mapToLong(w -> {
          long k = 0;
          for (int i = 0; i < w.length(); i++) {
            k = key(k, w.charAt(i));
          }
          return k;
        }).sorted().toArray();
  }

  /** A word of lower-case ASCII letters so far, {@code k}, with {@code c} appended: 5 bits each. */
  private static long key(long k, char c) {
    return (k << 5) | (c - 'a' + 1);
  }

  /** Whether {@code text}'s function words say it is English. */
  static boolean isEnglish(CharSequence text) {
    int words = 0;
    int english = 0;
    int others = 0;
    // A word of ASCII letters is looked up by its key, packed as it is read; any other word (few,
    // in English) by its characters.
    long key = 0;
    int length = 0;
    boolean ascii = true;
    int start = 0;
    for (int i = 0, n = text.length(); i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (c < 0x80) {
        char lower = (char) (c | 0x20);
        if (lower >= 'a' && lower <= 'z') {
          if (length++ == 0) {
            start = i;
          }
          key = key(key, lower);
          continue;
        }
      } else if (Character.isLetter(c)) {
        if (length++ == 0) {
          start = i;
        }
        ascii = false;
        continue;
      }
      if (length > 0) {
        words++;
        if (length <= MAX_LENGTH) {
          if (ascii) {
            if (Arrays.binarySearch(ENGLISH_KEYS, key) >= 0) {
              english++;
            } else if (Arrays.binarySearch(OTHER_KEYS, key) >= 0) {
              others++;
            }
          } else if (OTHERS.contains(text.subSequence(start, i))) {
            others++;
          }
        }
        key = 0;
        length = 0;
        ascii = true;
      }
    }
    return words >= MIN_WORDS && 5 * english >= words && 8 * others <= english;
  }
}
