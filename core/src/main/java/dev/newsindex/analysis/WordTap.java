package dev.newsindex.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/**
 * The distinct words of one text as {@link SpellingAnalyzer} sees them, collected while {@link
 * NewsAnalyzer} analyses the same text for search, so that indexing tokenises a title or body once
 * instead of twice (once stemmed for search, once unstemmed for the spelling vocabulary; {@code
 * bench/run WordsBench} compares the two).
 *
 * <p>Use: {@link #attachTo} the stream that is about to analyse the tap's text (a field's {@code
 * tokenStream} method is the place). The tap goes to that stream's tap filter through an attribute
 * of the stream, which every filter of a chain shares; the filter fills it from the tokenizer's
 * output, before any other filter: each token split at {@link CompoundFilter#JOINER}s (where the
 * text had a hyphen between words, which the spelling tokenizer splits at), lower-cased and folded
 * to ASCII by Lucene's own helpers, as the spelling chain does. A later field of the same document
 * indexes {@link #words()}: the distinct words that spelling suggestions can use and that the
 * bundled {@link EnglishWords} do not already know (a vocabulary field needs each word once per
 * document): words of {@value EnglishWords#MIN_LENGTH} letters or more, a possessive's {@code 's}
 * dropped, no numbers or words with digits or dots. A tap that was never filled (its stream had no
 * tap filter, or the words were asked for before the text was analysed) analyses its text with
 * {@link SpellingAnalyzer} instead, so the words are right either way; the index writer inverts a
 * document's fields in order, so the title and body, added before the words, fill their taps.
 *
 * <p>One document's tap, used from the thread that indexes it; not thread-safe.
 */
public final class WordTap {
  private static final SpellingAnalyzer SPELLING = new SpellingAnalyzer();

  private final String text;
  /** The kept words, one after the other; {@link #ends} says where each ends. */
  private char[] chars = new char[256]; // few of an article's words are kept (see EnglishWords)
  private int[] ends = new int[64];
  private int count;
  /**
   * The hashes of the words kept (0 = free) and each one's word number: open addressing on the
   * hash the word was looked up in EnglishWords with, not a CharArraySet, which hashes and copies
   * each word again (WordsBench on text of mostly unknown words: half as much again for the tap).
   */
  private long[] seen = new long[32];
  private int[] words = new int[32];
  private char[] scratch = new char[64];
  private boolean filled;
  private boolean tapped;

  /**
   * A tap for {@code text}, to be filled by the analysis of the field holding it.
   *
   * @param text the title or body the tap collects the words of
   */
  public WordTap(String text) {
    this.text = text;
  }

  /**
   * Gives this tap to {@code stream}, a stream about to analyse this tap's text: a {@link
   * NewsAnalyzer} stream fills it when it is reset and read.
   *
   * @param stream the token stream of the field holding this tap's text, before its reset
   * @return whether the stream has a tap filter; if not, the tap analyses its text itself
   */
  public boolean attachTo(TokenStream stream) {
    if (!stream.hasAttribute(TapAttribute.class)) {
      return false;
    }
    stream.getAttribute(TapAttribute.class).tap(this);
    return true;
  }

  /** Starts filling: forgets any words from before. */
  void start() {
    clear();
    filled = true;
    tapped = true;
  }

  /** Whether an analysis filled this tap (rather than its own fallback analysis). */
  boolean tapped() {
    return tapped;
  }

  /**
   * The distinct words not in {@link EnglishWords}, as single-term tokens in the order first met,
   * for a vocabulary field (no offsets or positions).
   *
   * @return a new stream of the words
   */
  public TokenStream words() {
    return new Words();
  }

  private void clear() {
    count = 0;
    Arrays.fill(seen, 0L);
  }

  /** Adds the words of one token (still in its original case and with its joiners). */
  void add(char[] buffer, int length) {
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || buffer[i] == CompoundFilter.JOINER) {
        if (i > start) {
          addWord(buffer, start, i - start);
        }
        start = i + 1;
      }
    }
  }

  private void addWord(char[] buffer, int offset, int length) {
    // A possessive's word is the word: Korea's, Korea’s → korea.
    if (length > 2 && (buffer[offset + length - 1] == 's' || buffer[offset + length - 1] == 'S')
        && (buffer[offset + length - 2] == '\'' || buffer[offset + length - 2] == '\u2019')) {
      length -= 2;
    }
    if (length < EnglishWords.MIN_LENGTH) {
      return; // too short for suggestions to check or offer
    }
    int begin = count == 0 ? 0 : ends[count - 1];
    // Lower-cased, then folded, into this tap's buffer (folding may lengthen a word fourfold).
    if (begin + 4 * length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(begin + 4 * length, chars.length * 2));
    }
    int end = begin + length;
    // ASCII, by far the most common, in one pass: lower-cased (folding changes nothing), letters
    // only, and hashed for EnglishWords' table; anything else by Lucene's lower-casing and folding
    // (bench/run WordsBench: this tap adds a third of what analysing the text again would).
    long h = EnglishWords.FNV_BASIS;
    int i = 0;
    for (; i < length; i++) {
      char c = buffer[offset + i];
      if (c >= 0x80) {
        break;
      }
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      } else if (c < 'a' || c > 'z') {
        return; // numbers, abbreviations with dots, words with digits: suggestions skip them
      }
      chars[begin + i] = c;
      h = (h ^ c) * EnglishWords.FNV_PRIME;
    }
    if (i < length) {
      if (scratch.length < length) {
        scratch = new char[length * 2];
      }
      System.arraycopy(buffer, offset, scratch, 0, length);
      CharacterUtils.toLowerCase(scratch, 0, length);
      end = ASCIIFoldingFilter.foldToASCII(scratch, 0, chars, begin, length);
      h = EnglishWords.FNV_BASIS;
      for (int j = begin; j < end; j++) {
        if (!Character.isLetter(chars[j])) {
          return;
        }
        h = (h ^ chars[j]) * EnglishWords.FNV_PRIME;
      }
    }
    // Ordinary English words, nearly all of an article's, are known without the index (see
    // EnglishWords); only the rest are collected, each once.
    h = EnglishWords.finish(h);
    if (!EnglishWords.containsHash(h) && isNew(h, begin, end)) {
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, count * 2);
      }
      ends[count++] = end;
    }
  }

  /**
   * Records the word in {@code chars[begin, end)}, whose hash is {@code h}; false when this tap
   * already holds it.
   */
  private boolean isNew(long h, int begin, int end) {
    if (count * 2 >= seen.length) {
      rehash();
    }
    int mask = seen.length - 1;
    for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
      long s = seen[slot];
      if (s == 0) {
        seen[slot] = h;
        words[slot] = count;
        return true;
      }
      if (s == h) {
        int w = words[slot];
        int from = w == 0 ? 0 : ends[w - 1];
        if (Arrays.equals(chars, from, ends[w], chars, begin, end)) {
          return false;
        }
      }
    }
  }

  private void rehash() {
    long[] oldSeen = seen;
    int[] oldWords = words;
    seen = new long[oldSeen.length * 2];
    words = new int[seen.length];
    int mask = seen.length - 1;
    for (int i = 0; i < oldSeen.length; i++) {
      long h = oldSeen[i];
      if (h != 0) {
        int slot = (int) h & mask;
        while (seen[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        seen[slot] = h;
        words[slot] = oldWords[i];
      }
    }
  }

  /** Fills the tap from {@link SpellingAnalyzer} when no analysis did. */
  private void fillBySpellingAnalyzer() {
    clear();
    filled = true;
    try (TokenStream ts = SPELLING.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        add(term.buffer(), term.length());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
  }

  /** Replays the tap's words. */
  private final class Words extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int next;
    private int from;

    @Override
    public void reset() throws IOException {
      super.reset();
      if (!filled) {
        fillBySpellingAnalyzer();
      }
      next = 0;
      from = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next >= count) {
        return false;
      }
      clearAttributes();
      int to = ends[next++];
      term.copyBuffer(chars, from, to - from);
      from = to;
      return true;
    }
  }

  /**
   * The tap a stream's {@link WordTapFilter} is to fill, set by {@link #attachTo} before the stream
   * is reset: how the field hands its tap to the one stream analysing its text.
   */
  interface TapAttribute extends Attribute {
    /** Sets the tap the next reset of the stream takes. */
    void tap(WordTap tap);

    /** The tap set since the last reset, or null; taking it clears it. */
    WordTap take();
  }

  /** The one implementation of {@link TapAttribute}; {@link WordTapFilter} adds it. */
  static final class TapAttributeImpl extends AttributeImpl implements TapAttribute {
    private WordTap tap;

    @Override
    public void tap(WordTap tap) {
      this.tap = tap;
    }

    @Override
    public WordTap take() {
      WordTap t = tap;
      tap = null;
      return t;
    }

    @Override
    public void clear() {
      tap = null;
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
      reflector.reflect(TapAttribute.class, "tap", tap);
    }

    @Override
    public void copyTo(AttributeImpl target) {
      ((TapAttribute) target).tap(tap);
    }
  }
}
