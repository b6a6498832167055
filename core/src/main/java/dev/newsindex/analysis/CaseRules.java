package dev.newsindex.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.IntsRef;
import org.apache.lucene.util.fst.IntsRefFSTEnum;

/**
 * Solr-format synonym rules in which a word's case counts: a rule word written with a capital
 * matches only text of that case, a rule word in lower case matches any case.
 *
 * <ul>
 *   <li>{@code Fed} (a capital first letter) matches {@code Fed} and {@code FED}, not {@code fed};
 *   <li>{@code SEC} (all capitals) matches {@code SEC} only;
 *   <li>{@code McCain} (capitals elsewhere) matches {@code McCain}-like case and {@code MCCAIN};
 *   <li>{@code north korea} (lower case) matches {@code north korea}, {@code North Korea}, {@code
 *       NORTH KOREA}.
 * </ul>
 *
 * <p>How: the rules are read with {@link CaseMarkFilter} marking every word with a capital (the
 * mark says which case it asks for); each rule input is then added once for every case of the
 * query's words it accepts. Queries mark, with the case they have, only the words some rule
 * asks to match in case ({@link #caseWords}), so every other word reaches the synonym map as
 * plain lower-case text, as before.
 */
final class CaseRules extends SolrSynonymParser {
  private static final char[] NONE = {};
  private static final char[] ANY = {0, CaseMarkFilter.CAPITALISED, CaseMarkFilter.UPPER,
      CaseMarkFilter.MIXED};

  private record Rule(CharsRef input, CharsRef output, boolean includeOrig) {}

  private final List<Rule> rules = new ArrayList<>();

  CaseRules() {
    super(true, true, NewsAnalyzer.forRules());
  }

  @Override
  public void add(CharsRef input, CharsRef output, boolean includeOrig) {
    // Kept until build: which words ask for a case is known only when every rule is read.
    rules.add(new Rule(CharsRef.deepCopyOf(input), CharsRef.deepCopyOf(output), includeOrig));
  }

  @Override
  public SynonymMap build() throws IOException {
    CharArraySet cased = new CharArraySet(16, false);
    for (Rule r : rules) {
      for (String word : words(r.input)) {
        if (CaseMarkFilter.isMark(word.charAt(word.length() - 1))) {
          cased.add(word.substring(0, word.length() - 1));
        }
      }
    }
    for (Rule r : rules) {
      String output = unmarked(r.output.toString());
      List<String> inputs = new ArrayList<>(List.of(""));
      for (String word : words(r.input)) {
        char last = word.charAt(word.length() - 1);
        String bare = CaseMarkFilter.isMark(last) ? word.substring(0, word.length() - 1) : word;
        char[] accepted = CaseMarkFilter.isMark(last) ? accepted(last)
            : cased.contains(bare) ? ANY : NONE;
        List<String> next = new ArrayList<>();
        for (String prefix : inputs) {
          String joined = prefix.isEmpty() ? "" : prefix + SynonymMap.WORD_SEPARATOR;
          if (accepted.length == 0) {
            next.add(joined + bare);
          }
          for (char mark : accepted) {
            next.add(joined + bare + (mark == 0 ? "" : String.valueOf(mark)));
          }
        }
        inputs = next;
      }
      for (String input : inputs) {
        super.add(new CharsRef(input), new CharsRef(output), r.includeOrig);
      }
    }
    return super.build();
  }

  /** The marks of query words that a rule word marked {@code required} accepts. */
  private static char[] accepted(char required) {
    return switch (required) {
      case CaseMarkFilter.CAPITALISED -> new char[] {CaseMarkFilter.CAPITALISED,
          CaseMarkFilter.UPPER};
      case CaseMarkFilter.MIXED -> new char[] {CaseMarkFilter.MIXED, CaseMarkFilter.UPPER};
      default -> new char[] {CaseMarkFilter.UPPER};
    };
  }

  private static String[] words(CharsRef phrase) {
    return phrase.toString().split(String.valueOf(SynonymMap.WORD_SEPARATOR));
  }

  private static String unmarked(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!CaseMarkFilter.isMark(s.charAt(i))) {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  /**
   * The words that must be marked with their case in queries for {@code map}: those that some
   * rule input of the map holds with a case mark.
   */
  static CharArraySet caseWords(SynonymMap map) {
    CharArraySet words = new CharArraySet(16, true);
    if (map == null || map.fst == null) {
      return words;
    }
    CharArraySet known = KNOWN.get(map);
    if (known != null) {
      return known;
    }
    try {
      IntsRefFSTEnum<org.apache.lucene.util.BytesRef> inputs = new IntsRefFSTEnum<>(map.fst);
      for (IntsRefFSTEnum.InputOutput<org.apache.lucene.util.BytesRef> e = inputs.next();
          e != null; e = inputs.next()) {
        IntsRef in = e.input;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= in.length; i++) {
          int c = i < in.length ? in.ints[in.offset + i] : SynonymMap.WORD_SEPARATOR;
          if (c == SynonymMap.WORD_SEPARATOR) {
            if (word.length() > 1 && CaseMarkFilter.isMark(word.charAt(word.length() - 1))) {
              words.add(word.substring(0, word.length() - 1));
            }
            word.setLength(0);
          } else {
            word.appendCodePoint(c);
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return remember(map, words);
  }

  /**
   * The case words of maps whose words are known without walking their FST (a cold search's
   * bundled map: {@link NewsSynonyms} stores them beside it), or already walked once.
   */
  private static final Map<SynonymMap, CharArraySet> KNOWN =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Records {@code words} as {@link #caseWords} of {@code map} and returns them, unmodifiable. */
  static CharArraySet remember(SynonymMap map, CharArraySet words) {
    CharArraySet kept = CharArraySet.unmodifiableSet(words);
    KNOWN.put(map, kept);
    return kept;
  }
}
