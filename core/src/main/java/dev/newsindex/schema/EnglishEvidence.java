package dev.newsindex.schema;

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

  /** Both lists, looked up by a word's characters where they stand in the text (no copy). */
  private static final CharArraySet ENGLISH = new CharArraySet(ENGLISH_WORDS, true);
  private static final CharArraySet OTHERS = new CharArraySet(OTHER_WORDS, true);

  /** The letters of the text scanned. */
  final int letters;
  /** Its capitals (upper-case characters). */
  final int capitals;
  private final int words;
  private final int english;
  private final int others;

  private EnglishEvidence(int letters, int capitals, int words, int english, int others) {
    this.letters = letters;
    this.capitals = capitals;
    this.words = words;
    this.english = english;
    this.others = others;
  }

  /** Counts the letters, capitals and function words of {@code text[0, length)} in one pass. */
  static EnglishEvidence scan(char[] text, int length) {
    int letters = 0;
    int capitals = 0;
    int words = 0;
    int english = 0;
    int others = 0;
    int wordLength = 0;
    int start = 0;
    for (int i = 0; i <= length; i++) {
      char c = i < length ? text[i] : ' ';
      if (c < 0x80) {
        if (c >= 'a' && c <= 'z') {
          letters++;
          if (wordLength++ == 0) {
            start = i;
          }
          continue;
        }
        if (c >= 'A' && c <= 'Z') {
          letters++;
          capitals++;
          if (wordLength++ == 0) {
            start = i;
          }
          continue;
        }
      } else {
        if (Character.isUpperCase(c)) {
          capitals++; // as the profiles' reading counts them: a circled Ⓐ too, though no letter
        }
        if (Character.isLetter(c)) {
          letters++;
          if (wordLength++ == 0) {
            start = i;
          }
          continue;
        }
      }
      if (wordLength > 0) {
        words++;
        if (wordLength <= MAX_LENGTH) {
          if (ENGLISH.contains(text, start, wordLength)) {
            english++;
          } else if (OTHERS.contains(text, start, wordLength)) {
            others++;
          }
        }
        wordLength = 0;
      }
    }
    return new EnglishEvidence(letters, capitals, words, english, others);
  }

  /** Whether the function words say the text is English. */
  boolean isEnglish() {
    return words >= MIN_WORDS && 5 * english >= words && 8 * others <= english;
  }
}
