package dev.newsindex.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The bundled list of English words that spelling suggestions take as known without asking the
 * index: about 73,000 words of three letters or more, lower-cased and folded to ASCII, from the
 * SCOWL word lists as Debian's {@code wamerican} package ships them (see {@code
 * SCOWL-COPYRIGHT.txt} beside the list), plus Lucene's English stop words.
 *
 * <p>Why: the index keeps a vocabulary of the words its articles use, for did-you-mean (see {@link
 * WordTap}). Nearly all of a news article's distinct words are ordinary English (94 to 97 in a
 * hundred on the news corpora {@code bench/run VocabularyShare} reads); keeping those in every
 * article's vocabulary field would be the largest cost indexing adds to Lucene's, for no gain, since
 * a fixed list knows them as well. So the index keeps only the rest (names, places, jargon,
 * misspellings in the articles), and suggestions draw on both: an ordinary word is offered only
 * when the index holds its stem.
 *
 * <p>Loaded on first use, and not at all by a search that finds enough: a query's words are looked
 * up by binary search in the list's bytes as the jar holds them (0.7 MB, read in a few
 * milliseconds), while indexing, which looks up every word of every article, builds a table of
 * hashes from them once (tens of milliseconds, no string per word).
 */
public final class EnglishWords {
  /** The shortest word the list holds, and that suggestions consider. */
  public static final int MIN_LENGTH = 3;

  private EnglishWords() {}

  /** Whether {@code word}, lower-cased and folded as {@link SpellingAnalyzer} does, is listed. */
  public static boolean contains(CharSequence word) {
    if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
      return true;
    }
    // Binary search over the lines of the sorted list: from a middle byte, back to its line.
    byte[] text = Text.BYTES;
    int lo = 0;
    int hi = text.length; // the lines starting in [lo, hi) are left
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      int start = mid;
      while (start > lo && text[start - 1] != '\n') {
        start--;
      }
      int end = start;
      while (text[end] != '\n') {
        end++;
      }
      int c = compare(word, text, start, end);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        hi = start;
      } else {
        lo = end + 1;
      }
    }
    return false;
  }

  /** {@code word} against the line {@code text[start, end)}, as unsigned chars. */
  private static int compare(CharSequence word, byte[] text, int start, int end) {
    int n = Math.min(word.length(), end - start);
    for (int i = 0; i < n; i++) {
      int d = word.charAt(i) - (text[start + i] & 0xFF);
      if (d != 0) {
        return d;
      }
    }
    return word.length() - (end - start);
  }

  /**
   * Whether a listed word (or stop word) has the 64-bit {@code hash}: {@link #finish} of the FNV-1a
   * hash ({@link #FNV_BASIS}, {@link #FNV_PRIME}) of its chars; for indexing, which asks for every
   * word of every article. One or two probes of a 1 MB table and no comparison of characters: a
   * word that is not listed but shares a listed word's hash is taken as listed, a chance of about
   * one in 2<sup>48</sup> per word, whose only effect is that the index's spelling vocabulary
   * leaves that word out. (A table of hashes rather than Lucene's {@code CharArraySet}, which
   * takes longer per word: {@code bench/run KnownWordsBench}.)
   */
  public static boolean containsHash(long hash) {
    long[] hashes = Hashes.TABLE;
    int mask = hashes.length - 1;
    for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
      long s = hashes[slot];
      if (s == hash) {
        return true;
      }
      if (s == 0) {
        return false;
      }
    }
  }

  /** The FNV-1a offset basis {@link #containsHash} expects words hashed from. */
  public static final long FNV_BASIS = 0xCBF29CE484222325L;
  /** The FNV-1a prime {@link #containsHash} expects words hashed with. */
  public static final long FNV_PRIME = 0x100000001B3L;

  /**
   * A word's FNV-1a hash, mixed so that its low bits (a table slot) are as good as its high: what
   * {@link #containsHash} looks up.
   */
  public static long finish(long h) {
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return h == 0 ? 1 : h;
  }

  /**
   * A listed word and its {@link #distance} from the word it was found near.
   *
   * @param word the listed word
   * @param edits how many edits away it is, at least 1
   */
  public record Near(String word, int edits) {}

  /**
   * The listed words within {@code maxEdits} edits (insertions, deletions, substitutions, and
   * transpositions of neighbours) of {@code word} that start with its first letter, as Lucene's
   * {@code DirectSpellChecker} finds them in an index (with the same Levenshtein automata):
   * closest first, then alphabetical.
   *
   * @param word a lower-case word
   * @param maxEdits the most edits, 1 or 2
   * @return the listed words near {@code word}, {@code word} itself excluded
   */
  public static List<Near> near(String word, int maxEdits) {
    List<Near> found = new ArrayList<>();
    char first = word.isEmpty() ? 0 : word.charAt(0);
    if (first < 'a' || first > 'z') {
      return found; // the list holds a-z words only
    }
    Edits edits = new Edits(word, maxEdits);
    byte[] text = Text.BYTES;
    List<int[]> scored = new ArrayList<>(); // edits, start, length
    char[] candidate = new char[64];
    int start = firstLineAtOrAfter(text, first);
    while (start < text.length && text[start] == first) {
      int end = start;
      while (text[end] != '\n') {
        end++;
      }
      int length = end - start;
      if (Math.abs(length - word.length()) <= maxEdits) {
        if (candidate.length < length) {
          candidate = new char[length * 2];
        }
        for (int i = 0; i < length; i++) {
          candidate[i] = (char) text[start + i];
        }
        int d = edits.to(candidate, length);
        if (d > 0 && d <= maxEdits) {
          scored.add(new int[] {d, start, length});
        }
      }
      start = end + 1;
    }
    // Stable: equally near words stay in the list's (alphabetical) order.
    scored.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] s : scored) {
      found.add(new Near(new String(text, s[1], s[2], StandardCharsets.US_ASCII), s[0]));
    }
    return found;
  }

  /** Where the first line starting with {@code letter} or later starts (binary search). */
  private static int firstLineAtOrAfter(byte[] text, char letter) {
    int lo = 0;
    int hi = text.length;
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      int start = mid;
      while (start > 0 && text[start - 1] != '\n') {
        start--;
      }
      if ((text[start] & 0xFF) < letter) {
        int end = start;
        while (text[end] != '\n') {
          end++;
        }
        lo = end + 1;
      } else {
        hi = start;
      }
    }
    return lo;
  }

  /**
   * The edit distance between {@code a} and {@code b}, a transposition of neighbours counting as
   * one edit, as Lucene's Levenshtein automata (and so {@code DirectSpellChecker}) count it.
   *
   * @param a one word
   * @param b the other
   * @param max the largest distance of interest, 1 or 2
   * @return the distance, or {@code max + 1} when it is larger than {@code max}
   */
  public static int distance(String a, String b, int max) {
    return new Edits(a, max).to(b.toCharArray(), b.length());
  }

  /** How many edits words are from one word, up to a maximum: one automaton per distance. */
  private static final class Edits {
    private final String word;
    private final CharacterRunAutomaton[] within;

    Edits(String word, int max) {
      if (max < 1 || max > LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE) {
        throw new IllegalArgumentException("edits must be 1 to "
            + LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE + ", not " + max);
      }
      this.word = word;
      LevenshteinAutomata lev = new LevenshteinAutomata(word, true);
      within = new CharacterRunAutomaton[max + 1];
      for (int d = 1; d <= max; d++) {
        within[d] = new CharacterRunAutomaton(lev.toAutomaton(d));
      }
    }

    /** The distance to {@code chars[0, length)}, or the maximum + 1 when it is farther. */
    int to(char[] chars, int length) {
      if (length == word.length() && word.contentEquals(java.nio.CharBuffer.wrap(chars, 0,
          length))) {
        return 0;
      }
      for (int d = 1; d < within.length; d++) {
        if (within[d].run(chars, 0, length)) {
          return d;
        }
      }
      return within.length;
    }
  }

  /** The list as the jar holds it: sorted lower-case a-z words, one per line, read on first use. */
  private static final class Text {
    static final byte[] BYTES = read();
  }

  /** The hashes of the listed words and the stop words, built on first use (by indexing). */
  private static final class Hashes {
    static final long[] TABLE = build(Text.BYTES);
  }

  /**
   * Builds the table of {@link #finish}ed hashes (open addressing, 0 = free) in one pass over the
   * list's bytes. (Here rather than in the holder's static initialiser, where every access to the
   * class's own members would wait on a class-initialisation check.)
   */
  private static long[] build(byte[] text) {
    int lines = 0;
    for (byte b : text) {
      if (b == '\n') {
        lines++;
      }
    }
    int stops = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.size();
    long[] hashes = new long[Integer.highestOneBit(lines + stops) * 2];
    int mask = hashes.length - 1;
    long h = FNV_BASIS;
    for (byte b : text) {
      if (b != '\n') {
        h = (h ^ b) * FNV_PRIME;
        continue;
      }
      add(hashes, mask, finish(h));
      h = FNV_BASIS;
    }
    for (Object stop : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      long sh = FNV_BASIS;
      for (char c : (char[]) stop) {
        sh = (sh ^ c) * FNV_PRIME;
      }
      add(hashes, mask, finish(sh));
    }
    return hashes;
  }

  private static void add(long[] hashes, int mask, long h) {
    int slot = (int) h & mask;
    while (hashes[slot] != 0 && hashes[slot] != h) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = h;
  }

  private static byte[] read() {
    try (InputStream in = EnglishWords.class.getResourceAsStream("english-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("english-words.txt is missing from the newsindex jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the bundled english-words.txt", e);
    }
  }
}
