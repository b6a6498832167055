package dev.newsindex.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;

/**
 * How {@link NewsAnalyzer} keeps Porter's stemmer from merging news words of different meaning
 * ({@code organization} and {@code organ}, {@code general} and {@code generate}, {@code united}
 * and {@code unit}, {@code news} and {@code new}), from the families listed in {@value #LIST}.
 * The default was chosen on relevance judgments ({@code bench/run RelevanceReport}, on TIME:
 * the protected words did a little better than the stem dictionary, within one query's swing).
 */
public enum StemGuard {
  /** Porter stems every word. */
  NONE,
  /** The listed words are not stemmed at all ({@link SetKeywordMarkerFilter}): a protected list. */
  KEYWORDS,
  /**
   * Each listed word gets its family's own stem ({@link StemmerOverrideFilter}): a stem
   * dictionary, so that {@code organizations} still meets {@code organization}.
   */
  DICTIONARY;

  /** The guard {@link NewsAnalyzer} uses. */
  public static final StemGuard DEFAULT = KEYWORDS;

  /** The class-path resource holding the families. */
  static final String LIST = "porter-overrides.txt";

  /**
   * {@code in} with this guard ahead of a stemmer that leaves keywords alone. {@link #KEYWORDS}
   * adds nothing here: {@link SpellingVariantFilter} marks those words in its own look-up.
   */
  TokenStream wrap(TokenStream in) {
    return this == DICTIONARY ? new StemmerOverrideFilter(in, Stems.MAP) : in;
  }

  /** The protected words, as {@link #KEYWORDS} keeps them ({@link SetKeywordMarkerFilter}'s job). */
  static CharArraySet protectedWords() {
    return Families.WORDS;
  }

  /** The families, read on first use: each listed word and its family's stem. */
  private static final class Families {
    static final List<String[]> PAIRS = read();
    static final CharArraySet WORDS = words();

    private static List<String[]> read() {
      List<String> lines = WordLists.lines(StemGuard.class, LIST);
      if (lines == null) {
        throw new IllegalStateException("the stem families " + LIST + " are missing");
      }
      List<String[]> pairs = new ArrayList<>();
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (line.isBlank() || line.startsWith("#") || colon < 0) {
          continue;
        }
        String stem = line.substring(0, colon).strip();
        for (String word : WordLists.words(line, colon + 1, line.length())) {
          pairs.add(new String[] {word, stem});
        }
      }
      return pairs;
    }

    private static CharArraySet words() {
      CharArraySet words = new CharArraySet(PAIRS.size(), false);
      for (String[] p : PAIRS) {
        words.add(p[0]);
      }
      return CharArraySet.unmodifiableSet(words);
    }
  }

  /**
   * The families as a stem dictionary, built on first use: only {@link #DICTIONARY} needs it, and
   * building it (an FST) costs the default guard's start-up for nothing.
   */
  private static final class Stems {
    static final StemmerOverrideFilter.StemmerOverrideMap MAP = build();

    private static StemmerOverrideFilter.StemmerOverrideMap build() {
      StemmerOverrideFilter.Builder stems = new StemmerOverrideFilter.Builder(false);
      for (String[] p : Families.PAIRS) {
        stems.add(p[0], p[1]);
      }
      try {
        return stems.build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
