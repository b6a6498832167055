package dev.newsindex.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The bundled list of English words that spelling suggestions take as known without asking the
 * index: about 73,000 words of three letters or more, lower-cased and folded to ASCII, from the
 * SCOWL word lists as Debian's {@code wamerican} package ships them (see {@code
 * SCOWL-COPYRIGHT.txt} beside the list), plus Lucene's English stop words.
 *
 * <p>Why: the index keeps a vocabulary of the words its articles use, for did-you-mean (see {@link
 * WordTap}). Nearly all of a news article's distinct words are ordinary English (94 to 96 in a
 * hundred on the corpora in {@code ../shared/corpora}); keeping those in every article's vocabulary
 * field made indexing about a quarter slower for no gain, since a fixed list knows them as well.
 * The index now keeps only the rest (names, places, jargon, misspellings in the articles), and
 * suggestions draw on both: an ordinary word is offered only when the index holds its stem.
 *
 * <p>Loaded once, on first use (about 0.7 MB of text; not needed by a search that finds enough).
 */
public final class EnglishWords {
  /** The shortest word the list holds, and that suggestions consider. */
  public static final int MIN_LENGTH = 3;

  private EnglishWords() {}

  /** Whether {@code word} (lower-cased and folded, as {@link SpellingAnalyzer} makes it) is known. */
  public static boolean contains(CharSequence word) {
    char[] chars = word.toString().toCharArray();
    return contains(chars, 0, chars.length);
  }

  /** As {@link #contains(CharSequence)}, for {@code buffer[offset, offset + length)}. */
  public static boolean contains(char[] buffer, int offset, int length) {
    long h = FNV_BASIS;
    for (int i = offset; i < offset + length; i++) {
      h = (h ^ buffer[i]) * FNV_PRIME;
    }
    if (!containsHash(finish(h))) {
      return false;
    }
    String word = new String(buffer, offset, length);
    return Arrays.binarySearch(Holder.WORDS, word) >= 0 || Holder.STOP.contains(word);
  }

  /**
   * Whether a listed word has the 64-bit {@code hash}: {@link #finish} of the FNV-1a hash ({@link
   * #FNV_BASIS}, {@link #FNV_PRIME}) of its chars. One or two probes of a 1 MB table and no
   * comparison of characters: a word that is not listed but shares a listed word's hash is taken
   * as listed, a chance of about one in 2<sup>48</sup> per word, whose only effect is that the
   * index's spelling vocabulary leaves that word out.
   */
  static boolean containsHash(long hash) {
    long[] hashes = Holder.HASHES;
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

  static final long FNV_BASIS = 0xCBF29CE484222325L;
  static final long FNV_PRIME = 0x100000001B3L;

  /** A word's FNV-1a hash, mixed so that its low bits (a table slot) are as good as its high. */
  static long finish(long h) {
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return h == 0 ? 1 : h;
  }

  /**
   * The listed words within {@code maxEdits} edits (insertions, deletions, substitutions, and
   * transpositions of neighbours) of {@code word} that start with its first letter, as Lucene's
   * {@code DirectSpellChecker} finds them in an index: closest first, then alphabetical.
   */
  public static List<String> near(String word, int maxEdits) {
    List<String> found = new ArrayList<>();
    if (word.isEmpty()) {
      return found;
    }
    String[] words = Holder.WORDS;
    char first = word.charAt(0);
    int from = Arrays.binarySearch(words, String.valueOf(first));
    from = from < 0 ? -from - 1 : from;
    List<int[]> scored = new ArrayList<>();
    for (int i = from; i < words.length && words[i].charAt(0) == first; i++) {
      String w = words[i];
      if (Math.abs(w.length() - word.length()) > maxEdits || w.equals(word)) {
        continue;
      }
      int d = distance(word, w, maxEdits);
      if (d <= maxEdits) {
        scored.add(new int[] {d, i});
      }
    }
    scored.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    for (int[] s : scored) {
      found.add(words[s[1]]);
    }
    return found;
  }

  /**
   * The edit distance between {@code a} and {@code b} counting a transposition of neighbours as
   * one edit (optimal string alignment); any value above {@code max} once it is certain to be.
   */
  public static int distance(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    int[] before = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        cur[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /** The list, read on first use. */
  private static final class Holder {
    static final String[] WORDS = load();
    /** Lucene's English stop words, known too. */
    static final java.util.Set<String> STOP = stopWords();
    /** The {@link #finish}ed hashes of the words and the stop words, open addressing (0 = free). */
    static final long[] HASHES = table();

    private static java.util.Set<String> stopWords() {
      java.util.Set<String> stop = new java.util.HashSet<>();
      for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
        stop.add(new String((char[]) w));
      }
      return stop;
    }

    private static long[] table() {
      List<String> all = new ArrayList<>(List.of(WORDS));
      all.addAll(STOP);
      long[] hashes = new long[Integer.highestOneBit(all.size()) * 2];
      int mask = hashes.length - 1;
      for (String w : all) {
        long h = FNV_BASIS;
        for (int j = 0; j < w.length(); j++) {
          h = (h ^ w.charAt(j)) * FNV_PRIME;
        }
        h = finish(h);
        int slot = (int) h & mask;
        while (hashes[slot] != 0 && hashes[slot] != h) {
          slot = (slot + 1) & mask;
        }
        hashes[slot] = h;
      }
      return hashes;
    }

    private static String[] load() {
      List<String> words = new ArrayList<>(74_000);
      try (InputStream in = EnglishWords.class.getResourceAsStream("english-words.txt")) {
        if (in == null) {
          throw new IllegalStateException("english-words.txt is missing from the newsindex jar");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.length() >= MIN_LENGTH) {
            words.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading the bundled english-words.txt", e);
      }
      String[] sorted = words.toArray(String[]::new);
      Arrays.sort(sorted);
      return sorted;
    }
  }
}
