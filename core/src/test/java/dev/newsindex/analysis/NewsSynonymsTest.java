package dev.newsindex.analysis;

import dev.newsindex.Stemmer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** The query-time synonym graph: positions, position lengths and offsets of each alternative. */
public class NewsSynonymsTest extends BaseTokenStreamTestCase {

  private static Analyzer queries(String userRules) {
    return queries(true, userRules);
  }

  private static Analyzer queries(boolean bundled, String userRules) {
    SynonymMap map = NewsSynonyms.build(bundled, userRules);
    return NewsAnalyzer.forQueries(Stemmer.NONE, map);
  }

  private static final String DPRK = "DPRK, North Korea\n";

  public void testAcronymExpandsToAMultiWordName() throws Exception {
    try (Analyzer a = queries(false, DPRK)) {
      // north korea | dprk: dprk spans both positions of the two-word alternative.
      assertAnalyzesTo(a, "DPRK missile", new String[] {"north", "dprk", "korea", "missile"},
          new int[] {0, 0, 0, 5}, new int[] {4, 4, 4, 12}, null,
          new int[] {1, 0, 1, 1}, new int[] {1, 2, 1, 1}, true);
    }
  }

  public void testMultiWordNameExpandsToTheAcronym() throws Exception {
    try (Analyzer a = queries(false, DPRK)) {
      assertAnalyzesTo(a, "North Korea", new String[] {"dprk", "north", "korea"},
          new int[] {0, 0, 6}, new int[] {11, 5, 11}, null,
          new int[] {1, 0, 1}, new int[] {2, 1, 1}, true);
    }
  }

  public void testSynonymGraphBesideACompound() throws Exception {
    try (Analyzer a = queries(false, DPRK)) {
      assertAnalyzesTo(a, "high-level DPRK talks", new String[] {"high", "highlevel", "level",
          "north", "dprk", "korea", "talks"}, new int[] {0, 0, 5, 11, 11, 11, 16},
          new int[] {4, 10, 10, 15, 15, 15, 21}, null, new int[] {1, 0, 1, 1, 0, 1, 1},
          new int[] {1, 2, 1, 1, 2, 1, 1}, true);
    }
  }

  public void testBundledListHasTheNewsAliases() throws Exception {
    try (Analyzer a = queries("")) {
      assertTrue(java.util.Arrays.asList(termsOf(a, "North Korea")).contains("dprk"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "DPRK")).contains("korea"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "ROK")).contains("south"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "Britain")).contains("uk"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "United Kingdom")).contains("britain"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "UN")).contains("nations"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "Fed")).contains("reserve"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "Federal Reserve")).contains("fed"));
    }
  }

  public void testCountryAcronymButNotThePronoun() throws Exception {
    try (Analyzer a = queries("")) {
      String[] us = termsOf(a, "US");
      assertTrue(String.join(",", us), java.util.Arrays.asList(us).contains("united"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "U.S.")).contains("united"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "United States")).contains("u.s"));
      assertAnalyzesTo(a, "us", new String[] {"us"});
    }
  }

  public void testNamesWithStopWordsKeepTheGapOfTheStopWord() throws Exception {
    try (Analyzer a = queries(false, "BOE, Bank of England\n")) {
      // "of" leaves a hole, as in indexed text, so the phrase "bank ? england" matches it.
      assertAnalyzesTo(a, "BOE", new String[] {"bank", "boe", "england"},
          new int[] {0, 0, 0}, new int[] {3, 3, 3}, null,
          new int[] {1, 0, 2}, new int[] {1, 3, 1}, true);
      assertAnalyzesTo(a, "Bank of England", new String[] {"boe", "bank", "england"},
          new int[] {0, 0, 8}, new int[] {15, 4, 15}, null,
          new int[] {1, 0, 2}, new int[] {3, 1, 1}, true);
    }
  }

  public void testUserRulesAddToTheBundledOnes() throws Exception {
    try (Analyzer a = queries("Kyiv, Kiev\nPyongyang => Pyongyang, North Korean capital\n")) {
      assertAnalyzesTo(a, "Kiev", new String[] {"kyiv", "kiev"}, new int[] {0, 0},
          new int[] {4, 4}, new int[] {1, 0});
      assertTrue(java.util.Arrays.asList(termsOf(a, "DPRK")).contains("korea"));
    }
  }

  public void testMalformedUserRulesNameTheLine() {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> NewsSynonyms.build(false, "kyiv, kiev\nwar => \n"));
    assertTrue(e.getMessage(), e.getMessage().startsWith("synonyms line 2"));
  }

  public void testARuleWordWithACapitalMatchesOnlyThatCase() throws Exception {
    try (Analyzer a = queries("")) {
      // Fed is the Federal Reserve; the verb is not.
      assertTrue(java.util.Arrays.asList(termsOf(a, "Fed raises rates")).contains("reserve"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "FED RAISES RATES")).contains("reserve"));
      assertAnalyzesTo(a, "farmers fed their cattle", new String[] {"farmers", "fed", "cattle"},
          new int[] {0, 8, 18}, new int[] {7, 11, 24});
      // A rule word in lower case matches any case.
      assertTrue(java.util.Arrays.asList(termsOf(a, "north korea")).contains("dprk"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "NORTH KOREA")).contains("dprk"));
      // Turkey the country, not the bird.
      assertTrue(java.util.Arrays.asList(termsOf(a, "Turkey")).contains("turkiye"));
      assertAnalyzesTo(a, "roast turkey", new String[] {"roast", "turkey"});
    }
  }

  public void testCaseRulesInUserFiles() throws Exception {
    try (Analyzer a = queries(false, "AA, Alcoholics Anonymous\nApple, aapl\nnhs, national health"
        + " service\n")) {
      assertTrue(java.util.Arrays.asList(termsOf(a, "AA meeting")).contains("alcoholics"));
      assertAnalyzesTo(a, "aa batteries", new String[] {"aa", "batteries"});
      assertAnalyzesTo(a, "Aa batteries", new String[] {"aa", "batteries"});
      assertTrue(java.util.Arrays.asList(termsOf(a, "Apple shares")).contains("aapl"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "APPLE SHARES")).contains("aapl"));
      assertAnalyzesTo(a, "apple pie", new String[] {"apple", "pie"});
      // Alcoholics Anonymous is written with capitals: the lower-case words do not expand.
      assertAnalyzesTo(a, "alcoholics anonymous", new String[] {"alcoholics", "anonymous"});
      assertTrue(java.util.Arrays.asList(termsOf(a, "Alcoholics Anonymous")).contains("aa"));
      // In lower case any case: NHS, nhs, Nhs.
      for (String q : new String[] {"NHS", "nhs", "Nhs", "National Health Service"}) {
        assertTrue(q, java.util.Arrays.asList(termsOf(a, q)).size() > 1);
      }
    }
  }

  public void testAmpersandAcronymsAndTheirWords() throws Exception {
    try (Analyzer a = queries("")) {
      java.util.List<String> sp = java.util.Arrays.asList(termsOf(a, "S&P"));
      assertTrue(sp.toString(), sp.contains("s&p") && sp.contains("standard") && sp.contains("p"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "Standard and Poor's")).contains("s&p"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "AT&T")).contains("att"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "ATT")).contains("at&t"));
      assertTrue(java.util.Arrays.asList(termsOf(a, "Procter & Gamble")).contains("p&g"));
    }
  }

  public void testBritishSpellingsOfARuleMatchIt() throws Exception {
    try (Analyzer a = queries("")) {
      assertTrue(java.util.Arrays.asList(termsOf(a, "North Atlantic Treaty Organisation"))
          .contains("nato"));
    }
  }

  public void testRandomQueryText() throws Exception {
    try (Analyzer a = queries("")) {
      checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
    }
  }

  public void testTheBuildMadeTheBundledMapFromTheseRules() throws Exception {
    SynonymMap made = NewsSynonyms.readBundledMap();
    assertNotNull("the build writes " + NewsSynonyms.BUNDLED_MAP + " beside the rules", made);
    // The same map as parsing the rules now: the same words, context and FST bytes ...
    java.io.ByteArrayOutputStream fromBuild = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream parsedNow = new java.io.ByteArrayOutputStream();
    write(made, fromBuild);
    CaseRules rules = new CaseRules();
    try (var in = NewsSynonyms.class.getResourceAsStream(NewsSynonyms.BUNDLED)) {
      rules.parse(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    SynonymMap parsed = rules.build();
    write(parsed, parsedNow);
    assertArrayEquals(parsedNow.toByteArray(), fromBuild.toByteArray());
    // ... the case words stored beside it are those a walk of the parsed map's FST finds ...
    assertEquals(words(CaseRules.caseWords(parsed)), words(CaseRules.caseWords(made)));
    assertTrue(words(CaseRules.caseWords(made)).contains("fed")); // Fed, the Federal Reserve
    // ... so queries expand alike.
    try (Analyzer a = NewsAnalyzer.forQueries(Stemmer.NONE, made);
        Analyzer b = NewsAnalyzer.forQueries(Stemmer.NONE, parsed)) {
      for (String q : new String[] {"North Korea missile", "DPRK", "UK and U.S. talks", "Fed"}) {
        assertEquals(java.util.List.of(termsOf(b, q)), java.util.List.of(termsOf(a, q)));
      }
      assertTrue(java.util.List.of(termsOf(a, "North Korea")).contains("dprk"));
    }
  }

  private static java.util.SortedSet<String> words(org.apache.lucene.analysis.CharArraySet set) {
    java.util.SortedSet<String> words = new java.util.TreeSet<>();
    for (Object w : set) {
      words.add(new String((char[]) w));
    }
    return words;
  }

  private static void write(SynonymMap map, java.io.OutputStream out) throws Exception {
    var data = new org.apache.lucene.store.OutputStreamDataOutput(out);
    data.writeVInt(map.maxHorizontalContext);
    var word = new org.apache.lucene.util.BytesRef();
    for (int i = 0; i < map.words.size(); i++) {
      map.words.get(i, word);
      data.writeVInt(word.length);
      data.writeBytes(word.bytes, word.offset, word.length);
    }
    map.fst.save(data, data);
  }

  private static String[] termsOf(Analyzer a, String text) throws Exception {
    java.util.List<String> terms = new java.util.ArrayList<>();
    try (var ts = a.tokenStream("body", text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms.toArray(String[]::new);
  }
}
