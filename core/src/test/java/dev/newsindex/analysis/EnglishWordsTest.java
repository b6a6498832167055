package dev.newsindex.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishWordsTest {
  @Test
  void knowsOrdinaryWordsAndStopWordsButNotNamesOrMisspellings() {
    for (String w : List.of("deterrence", "strategy", "inflation", "the", "and", "korea")) {
      assertTrue(EnglishWords.contains(w), w);
    }
    for (String w : List.of("deterence", "stratgy", "policymakers", "donitz", "zyxwarble")) {
      assertFalse(EnglishWords.contains(w), w);
    }
    char[] text = "xxdeterrencexx".toCharArray();
    assertTrue(EnglishWords.contains(java.nio.CharBuffer.wrap(text, 2, 10)));
    assertFalse(EnglishWords.contains(java.nio.CharBuffer.wrap(text, 2, 9)));
  }

  @Test
  void nearFindsListedWordsWithinTheEditsClosestFirst() {
    List<String> near = EnglishWords.near("deterence", 2).stream()
        .map(EnglishWords.Near::word).toList();
    assertTrue(near.contains("deterrence"), near.toString());
    assertEquals(1, EnglishWords.distance("deterence", near.get(0), 2));
    assertFalse(near.contains("deterence"));
    // The first letter is kept, as Lucene's DirectSpellChecker keeps it.
    assertTrue(EnglishWords.near("xstrategy", 2).stream()
        .allMatch(w -> w.word().startsWith("x")));
    assertEquals(1, EnglishWords.near("deterence", 2).get(0).edits());
    assertEquals(List.of(), EnglishWords.near("9abc", 2));
  }

  @Test
  void aSwapOfNeighboursIsOneEdit() {
    assertEquals(1, EnglishWords.distance("stratgey", "strategy", 2));
    assertEquals(1, EnglishWords.distance("stratgy", "strategy", 2));
    assertEquals(2, EnglishWords.distance("strtgy", "strategy", 2));
    assertEquals(3, EnglishWords.distance("abc", "xyz", 2)); // above max: max + 1
  }

  @Test
  void indexingsHashLookupAgreesWithTheQueriesSearchOfTheList() {
    for (String w : List.of("deterrence", "the", "zebra", "aardvark", "deterence", "donitz", "xyz")) {
      long h = EnglishWords.FNV_BASIS;
      for (char c : w.toCharArray()) {
        h = (h ^ c) * EnglishWords.FNV_PRIME;
      }
      assertEquals(EnglishWords.contains(w), EnglishWords.containsHash(EnglishWords.finish(h)), w);
    }
  }

  @Test
  void theListIsSortedLowerCaseWordsOfThreeLettersOrMore() throws IOException {
    String text;
    try (InputStream in = EnglishWords.class.getResourceAsStream("english-words.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    String[] words = text.split("\n");
    assertTrue(words.length > 70_000, "words: " + words.length);
    for (int i = 0; i < words.length; i++) {
      assertTrue(words[i].matches("[a-z]{3,}"), words[i]);
      assertTrue(i == 0 || words[i - 1].compareTo(words[i]) < 0, words[i]);
    }
  }
}
