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

  /** {@link #OTHER_WORDS} for the words with letters beyond ASCII. */
  private static final CharArraySet OTHERS = new CharArraySet(OTHER_WORDS, true);


  /** What a slot of {@link #TABLE} holds besides its key: which list the word is in. */
  private static final byte ENGLISH = 1;
  private static final byte OTHER = 2;

  /**
   * The words of plain ASCII letters of both lists by their {@link #key}: open addressing, a
   * quarter full, so a look-up is nearly always one probe (a binary search per word was a third of
   * this scan's time).
   */
  private static final long[] TABLE = new long[256];
  private static final byte[] LIST = new byte[TABLE.length];

  static {
    for (String w : ENGLISH_WORDS) {
      put(w, ENGLISH);
    }
    for (String w : OTHER_WORDS) {
      put(w, OTHER);
    }
  }

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

  private static void put(String word, byte list) {
    long k = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return; // looked up by its characters in OTHERS
      }
      k = key(k, c);
    }
    int slot = slot(k);
    while (TABLE[slot] != 0) {
      slot = (slot + 1) & (TABLE.length - 1);
    }
    TABLE[slot] = k;
    LIST[slot] = list;
  }

  /** A word of lower-case ASCII letters so far, {@code k}, with {@code c} appended: 5 bits each. */
  private static long key(long k, char c) {
    return (k << 5) | (c - 'a' + 1);
  }

  private static int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
  }

  /** Which list the plain ASCII word with {@code key} is in, or 0. */
  private static byte list(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & (TABLE.length - 1)) {
      long k = TABLE[slot];
      if (k == key) {
        return LIST[slot];
      }
      if (k == 0) {
        return 0;
      }
    }
  }

  /** Counts the letters, capitals and function words of {@code text[0, length)} in one pass. */
  static EnglishEvidence scan(char[] text, int length) {
    int letters = 0;
    int capitals = 0;
    int words = 0;
    int english = 0;
    int others = 0;
    // A word of ASCII letters is looked up by its key, packed as it is read; any other word (few,
    // in English) by its characters.
    long key = 0;
    int wordLength = 0;
    boolean ascii = true;
    int start = 0;
    for (int i = 0; i <= length; i++) {
      char c = i < length ? text[i] : ' ';
      if (c < 0x80) {
        if (c >= 'a' && c <= 'z') {
          letters++;
          if (wordLength++ == 0) {
            start = i;
          }
          key = key(key, c);
          continue;
        }
        if (c >= 'A' && c <= 'Z') {
          letters++;
          capitals++;
          if (wordLength++ == 0) {
            start = i;
          }
          key = key(key, (char) (c | 0x20));
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
          ascii = false;
          continue;
        }
      }
      if (wordLength > 0) {
        words++;
        if (wordLength <= MAX_LENGTH) {
          byte list = ascii ? list(key) : OTHERS.contains(text, start, wordLength) ? OTHER : 0;
          if (list == ENGLISH) {
            english++;
          } else if (list == OTHER) {
            others++;
          }
        }
        key = 0;
        wordLength = 0;
        ascii = true;
      }
    }
    return new EnglishEvidence(letters, capitals, words, english, others);
  }

  /** Whether the function words say the text is English. */
  boolean isEnglish() {
    return words >= MIN_WORDS && 5 * english >= words && 8 * others <= english;
  }
}
