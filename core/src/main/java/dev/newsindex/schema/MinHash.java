package dev.newsindex.schema;

import dev.newsindex.search.DuplicateReport;
import java.util.Arrays;

/**
 * A near-duplicate signature of an article's text: {@value #SIZE} MinHash values of its word
 * 3-shingles, 4 bits of each kept. The share of equal positions in two signatures, less the
 * share that agrees by chance, estimates the Jaccard resemblance of the two texts' shingle sets,
 * so a wire story republished with a rewritten headline, a trimmed ending or added boilerplate
 * keeps most of its signature.
 *
 * <p>For finding candidates without comparing every pair, the signature is cut into {@value
 * #BANDS} bands of {@value #ROWS} values (locality-sensitive hashing): two texts with resemblance
 * {@code s} share at least one band with probability {@code 1 - (1 - s^4)^16} (0.64 at 0.5, 0.99 at
 * 0.7). Candidates are then confirmed with {@link #resemblance}. The bands are computed from the
 * stored signatures when the whole index is grouped ({@link #bandKeys}), not indexed as terms:
 * 16 unique terms per article would cost about a quarter of the indexing time.
 *
 * <p>Shingles are built from the body's lower-cased letter-and-digit words; the title is left out,
 * because outlets rewrite headlines. Texts with fewer than {@value #MIN_SHINGLES} shingles get no
 * signature: they are too short to call anything a copy of them.
 *
 * <p>Short texts (fewer than {@value #SHORT} shingles) are different: wire services send short
 * notices whose bodies are one boilerplate line ({@code Qtly div six cts vs six cts prior, Pay
 * April 28, Record March 31}) and whose headline alone says which company they are about. Their
 * bodies alone would make every such notice a copy of every other. So a short text's signature
 * also holds the words of its headline that its body does not (not "Qtly div"): the names among
 * them (words the bundled {@link dev.newsindex.analysis.EnglishWords} do not know: a company, its
 * ticker) {@value #NAME_COPIES} times over (as that many distinct members of the set), other words
 * ("sets quarterly") once; and two short texts count as copies only from a stricter resemblance,
 * {@value #SHORT_THRESHOLD} at the least ({@link #similar}). Two notices of different companies
 * fall far below it, while the same notice sent twice, under headlines that name the same
 * company, stays above it.
 */
public final class MinHash {
  /** Values in a signature. */
  public static final int SIZE = 64;
  /** Bands the signature is cut into for candidate lookup. */
  public static final int BANDS = 16;
  /** Values per band. */
  public static final int ROWS = SIZE / BANDS;
  /** Fewest shingles a text needs to get a signature. */
  public static final int MIN_SHINGLES = 8;
  /** Below this many body shingles, a text's headline words are part of its signature. */
  public static final int SHORT = 40;
  /** How many members of the set a name in the headline of a short text counts as. */
  static final int NAME_COPIES = 6;
  /** The least resemblance from which two short texts count as near-duplicates. */
  public static final double SHORT_THRESHOLD = 0.7;
  /** Resemblance from which two articles count as near-duplicates by default. */
  public static final double DEFAULT_THRESHOLD = DuplicateReport.DEFAULT_THRESHOLD;

  private static final int SHINGLE = 3;
  /**
   * The bits kept of each minimum (b-bit MinHash, b = 4): a signature takes 32 bytes of doc values
   * (two values a byte), not the 64 of 8-bit values, which were 7 of the 86 MB of a Reuters-21578
   * index. Two unrelated minima agree by chance once in 16, which {@link #resemblance} takes out.
   * {@code bench/run DuplicateEval} at the default threshold, 0.5: precision 0.975 and recall 0.955
   * (8 bits: 0.973, 0.949); from 0.4 up, F1 as high or higher; at 0.3, precision 0.919 (0.949).
   *
   * <p>Band keys ({@link #bandKeys}) hold 16 bits of a signature, so unrelated articles share a
   * band about once in 65,536: whole-index grouping confirms a few more candidates than with 8
   * bits, and its buckets of one band key stay small enough to be compared pair by pair (32 members) up to about two million articles.
   */
  static final int VALUE_BITS = 4;
  private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;
  /** The share of positions at which two unrelated signatures agree. */
  private static final double CHANCE = 1.0 / (1 << VALUE_BITS);
  /** Bytes of an encoded signature (a short text's has one more). */
  private static final int BYTES = SIZE * VALUE_BITS / 8;
  /**
   * The {@value #SIZE} hash functions are multiply-add permutations {@code (A[i] * h + B[i]) >>>
   * 33} of one well-mixed 64-bit hash per shingle: a full mix per function and shingle made the
   * signature the most expensive step of indexing.
   */
  private static final long[] MULTIPLIERS = new long[SIZE];
  private static final long[] ADDENDS = new long[SIZE];

  static {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < SIZE; i++) {
      x = mix(x + 0x632BE59BD9B4E019L * (i + 1));
      MULTIPLIERS[i] = x | 1L; // odd: a bijection on 64-bit values
      x = mix(x + 0x632BE59BD9B4E019L);
      ADDENDS[i] = x;
    }
  }

  private MinHash() {}

  /** The signature of {@code body} alone, or null when it is too short to have one. */
  public static int[] of(String body) {
    return of("", body);
  }

  /**
   * The signature of an article with headline {@code title} and text {@code body}, or null when
   * the body is too short to have one. The headline counts only for a short body (see above).
   */
  public static int[] of(String title, String body) {
    long[] words = wordHashes(body);
    int shingles = words.length - SHINGLE + 1;
    if (shingles < MIN_SHINGLES) {
      return null;
    }
    int[] sig = new int[SIZE + 1];
    Arrays.fill(sig, Integer.MAX_VALUE);
    sig[SIZE] = 1;
    for (int s = 0; s < shingles; s++) {
      long h = words[s];
      for (int k = 1; k < SHINGLE; k++) {
        h = mix(h * 31 + words[s + k]);
      }
      add(sig, mix(h));
    }
    boolean isShort = shingles < SHORT;
    if (isShort && !title.isEmpty()) {
      java.util.Set<Long> inBody = new java.util.HashSet<>();
      for (long w : words) {
        inBody.add(w);
      }
      for (String word : title.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        long w = word.isEmpty() ? 0 : mix(word.hashCode() + 0x5851F42D4C957F2DL);
        if (word.isEmpty() || inBody.contains(w)) {
          continue; // "Qtly div" in a notice's headline and body says nothing about its company
        }
        // A name (a word the bundled English list does not know) tells notices apart.
        int copies = dev.newsindex.analysis.EnglishWords.contains(word) ? 1 : NAME_COPIES;
        for (int copy = 1; copy <= copies; copy++) {
          // Unlike any shingle's hash: a headline word is not the body's three-word run.
          add(sig, mix(w * 0x9E3779B97F4A7C15L + copy));
        }
      }
    }
    for (int i = 0; i < SIZE; i++) {
      sig[i] &= VALUE_MASK; // b-bit MinHash: the low bits of each minimum are kept
    }
    // A short text's signature carries one more value, saying so (see similar).
    return isShort ? sig : Arrays.copyOf(sig, SIZE);
  }

  /** Takes the shingle hash {@code h} into each of the signature's minima. */
  private static void add(int[] sig, long h) {
    for (int i = 0; i < SIZE; i++) {
      // non-negative; min without a branch, so that the loop vectorises
      sig[i] = Math.min(sig[i], (int) ((MULTIPLIERS[i] * h + ADDENDS[i]) >>> 33));
    }
  }

  /**
   * Whether the texts behind two signatures are near-duplicates at {@code threshold}: two short
   * texts ({@value #SHORT} shingles or fewer) need at least {@value #SHORT_THRESHOLD}.
   */
  public static boolean similar(int[] a, int[] b, double threshold) {
    boolean bothShort = a.length > SIZE && b.length > SIZE;
    return resemblance(a, b) >= (bothShort ? Math.max(threshold, SHORT_THRESHOLD) : threshold);
  }

  /**
   * The estimated Jaccard resemblance of the texts behind two signatures, 0 to 1: the share of
   * equal values, corrected for those that agree by chance ({@link #VALUE_BITS} bits a value): with
   * a share {@code p} of equal values, {@code (p - 1/16) / (1 - 1/16)}, at least 0.
   */
  public static double resemblance(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return Math.max(0, (same / (double) SIZE - CHANCE) / (1 - CHANCE));
  }

  /**
   * Folds a ranking's signatures (best first; null for an article without one) into groups of
   * near-duplicates: each joins the first earlier kept one it resembles at {@code threshold} or
   * more, else starts a group of its own.
   *
   * @param signatures the signatures in rank order, null where an article has none
   * @param threshold the {@link #resemblance} at which two articles are near-duplicates
   * @return per kept article in rank order, its index in {@code signatures} followed by the
   *     indexes of those folded into it
   */
  public static java.util.List<int[]> fold(int[][] signatures, double threshold) {
    java.util.List<java.util.List<Integer>> groups = new java.util.ArrayList<>();
    for (int i = 0; i < signatures.length; i++) {
      java.util.List<Integer> home = null;
      if (signatures[i] != null) {
        for (java.util.List<Integer> g : groups) {
          int[] lead = signatures[g.get(0)];
          if (lead != null && similar(lead, signatures[i], threshold)) {
            home = g;
            break;
          }
        }
      }
      if (home == null) {
        groups.add(new java.util.ArrayList<>(java.util.List.of(i)));
      } else {
        home.add(i);
      }
    }
    return groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
  }

  /**
   * The band keys of {@code sig}: entry {@code b} is a 32-bit hash of band {@code b}'s {@value #ROWS}
   * values. Equal bands give equal keys; unequal ones collide by chance (1 in 2<sup>32</sup>),
   * which only makes a candidate that {@link #resemblance} then turns down.
   */
  public static int[] bandKeys(int[] sig) {
    int[] keys = new int[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = b;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h * 0x100000001B3L + sig[b * ROWS + r]);
      }
      keys[b] = (int) (h >>> 32);
    }
    return keys;
  }

  /**
   * The signature as bytes, for doc values: two values a byte, the first in the low half (and one
   * byte more for a short text's mark).
   */
  public static byte[] encode(int[] sig) {
    byte[] bytes = new byte[BYTES + sig.length - SIZE];
    for (int i = 0; i < BYTES; i++) {
      bytes[i] = (byte) (sig[2 * i] | sig[2 * i + 1] << VALUE_BITS);
    }
    if (sig.length > SIZE) {
      bytes[BYTES] = (byte) sig[SIZE];
    }
    return bytes;
  }

  /** The signature in {@code bytes[offset..offset + length)}, as {@link #encode} wrote it. */
  public static int[] decode(byte[] bytes, int offset, int length) {
    if (length != BYTES && length != BYTES + 1) {
      throw new IllegalArgumentException("a signature has " + BYTES + " bytes (" + (BYTES + 1)
          + " for a short text), not " + length);
    }
    int[] sig = new int[SIZE + length - BYTES];
    for (int i = 0; i < BYTES; i++) {
      int b = bytes[offset + i];
      sig[2 * i] = b & VALUE_MASK;
      sig[2 * i + 1] = b >>> VALUE_BITS & VALUE_MASK;
    }
    if (length > BYTES) {
      sig[SIZE] = Byte.toUnsignedInt(bytes[offset + BYTES]);
    }
    return sig;
  }

  /**
   * One hash per word (a run of letters and digits), of the word lower-cased: the lower-cased
   * string's {@code hashCode}, computed on the fly without building the string.
   */
  private static long[] wordHashes(String text) {
    long[] out = new long[Math.max(16, text.length() / 5)];
    int n = 0;
    int i = 0;
    int len = text.length();
    while (i < len) {
      while (i < len && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i == len) {
        break;
      }
      int h = 0;
      while (i < len) {
        char c = text.charAt(i);
        if (c < 128) {
          // ASCII: the common case, without the Unicode tables
          if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
            h = 31 * h + c;
          } else if (c >= 'A' && c <= 'Z') {
            h = 31 * h + (c + ('a' - 'A'));
          } else {
            break;
          }
        } else if (Character.isLetterOrDigit(c)) {
          h = 31 * h + Character.toLowerCase(c);
        } else {
          break;
        }
        i++;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = mix(h + 0x5851F42D4C957F2DL);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Stafford's variant 13 of the SplitMix64 finaliser: every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
