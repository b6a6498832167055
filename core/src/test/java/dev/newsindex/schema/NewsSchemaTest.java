package dev.newsindex.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.ingest.Titles;
import dev.newsindex.analysis.SpellingAnalyzer;
import java.io.IOException;
import java.time.LocalDate;
import dev.newsindex.analysis.WordTapTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class NewsSchemaTest {
  private static Article article(String title, String body) {
    return new Article("a1", title, LocalDate.of(2024, 1, 2), "Wire", "https://x/1", body);
  }

  @Test
  void aTitleDerivedFromTheBodyIsRecognisedWhateverTheWhiteSpace() {
    List<String> bodies = List.of(
        "Markets fell sharply. Oil rose.",
        "  \n\tMarkets   fell\nsharply\t\t today.  More text.",
        "\u2003Leading em space. Then more.",
        "The U.S. and Mr. Smith agreed on Jan. 5 to talk. Then they left.",
        "word ".repeat(40).strip() + ".",
        "long-" + "x".repeat(150) + " end. Next.",
        "A sentence with a dash at the cut " + "-".repeat(80) + " and more words. Next.",
        "Headline without a full stop\n\nSecond paragraph. More.",
        "\u201CWhy now?\u201D she asked.",
        "Text with\u00A0no-break space and r\u00E9sum\u00E9. Next.");
    for (String body : bodies) {
      String derived = Titles.derive(body);
      assertTrue(NewsSchema.isDerivedTitle(article(derived, body)), body);
    }
  }

  @Test
  void aHeadlineIsNotTakenForADerivedTitle() {
    assertFalse(NewsSchema.isDerivedTitle(article("Oil rises", "Markets fell sharply. Oil rose.")));
    // A prefix of the first sentence that is not the whole sentence is a headline, too.
    assertFalse(NewsSchema.isDerivedTitle(article("Markets fell", "Markets fell sharply. Oil.")));
    assertFalse(NewsSchema.isDerivedTitle(article("Markets fell sharply. Oil rose. More",
        "Markets fell sharply. Oil rose.")));
    assertFalse(NewsSchema.isDerivedTitle(article("", "Markets fell sharply.")));
  }

  @Test
  void theContentHashChangesWithEveryStoredPart() {
    Article base = new Article("a1", "Title", LocalDate.of(2024, 1, 2), "Wire", "https://x/1",
        "Body text of the article.", Map.of("section", "World"));
    Set<Long> hashes = new HashSet<>();
    hashes.add(NewsSchema.contentHash(base));
    hashes.add(NewsSchema.contentHash(new Article("a2", base.title(), base.date(), base.source(),
        base.url(), base.body(), base.metadata())));
    hashes.add(NewsSchema.contentHash(new Article("a1", "Titl", base.date(), base.source(),
        base.url(), base.body(), base.metadata())));
    hashes.add(NewsSchema.contentHash(new Article("a1", base.title(), null, base.source(),
        base.url(), base.body(), base.metadata())));
    hashes.add(NewsSchema.contentHash(new Article("a1", base.title(), base.date(), "wire",
        base.url(), base.body(), base.metadata())));
    hashes.add(NewsSchema.contentHash(new Article("a1", base.title(), base.date(), base.source(),
        "", base.body(), base.metadata())));
    hashes.add(NewsSchema.contentHash(new Article("a1", base.title(), base.date(), base.source(),
        base.url(), "Body text of the article!", base.metadata())));
    hashes.add(NewsSchema.contentHash(new Article("a1", base.title(), base.date(), base.source(),
        base.url(), base.body(), Map.of("section", "Europe"))));
    // Text moved from one part to the next is a change.
    hashes.add(NewsSchema.contentHash(new Article("a1", "Titl", base.date(), base.source(),
        base.url(), "eBody text of the article.", base.metadata())));
    assertEquals(9, hashes.size());
    assertEquals(NewsSchema.contentHash(base), NewsSchema.contentHash(new Article("a1", "Title",
        LocalDate.of(2024, 1, 2), "Wire", "https://x/1", "Body text of the article.",
        Map.of("section", "World"))));
    assertNotEquals(0L, NewsSchema.contentHash(base));
  }

  private static final String TITLE = "U.S.-led talks: Dönitz's HIGH-LEVEL e-mail";
  private static final String BODY = "The US and the U.K. held high-level talks -- again -- on"
      + " 3.5% growth in 2024; São Paulo's mayor, Mr. Smith, e-mailed well-known officials. "
      + "Talks resumed at 10:30 with the WHO and NATO (and it's IT's turn). Talks talks TALKS.";

  /** The words of the text the vocabulary field should hold (see WordTapTest#vocabulary). */
  private static Set<String> spellingWords(String... texts) throws IOException {
    List<String> out = new ArrayList<>();
    try (Analyzer a = new SpellingAnalyzer()) {
      for (String text : texts) {
        try (TokenStream ts = a.tokenStream(NewsSchema.WORDS, text)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            out.add(term.toString());
          }
          ts.end();
        }
      }
    }
    return new TreeSet<>(WordTapTest.vocabulary(out));
  }

  /** The terms of the words field of a one-document index written with {@code analyzer}. */
  private static Set<String> indexedWords(Analyzer analyzer, Article article) throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      w.addDocument(NewsSchema.toDocument(article));
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        LeafReader leaf = r.leaves().get(0).reader();
        Terms terms = leaf.terms(NewsSchema.WORDS);
        Set<String> out = new TreeSet<>();
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          out.add(t.utf8ToString());
          assertEquals(1, te.docFreq());
        }
        return out;
      }
    }
  }

  @Test
  void theSpellingVocabularyHoldsTheWordsOfTitleAndBodyAsTheSpellingAnalyzerSplitsThem()
      throws IOException {
    Article article = article(TITLE, BODY);
    Set<String> expected = spellingWords(TITLE, BODY);
    assertEquals(Set.of("donitz", "sao", "paulo"), expected);
    assertEquals(expected, indexedWords(NewsSchema.analyzer(), article));
    // Written with an analyzer that has no tap, the words are found all the same.
    assertEquals(expected, indexedWords(new StandardAnalyzer(), article));
    // A derived title is not analysed as a title, but its words are in the vocabulary.
    String body = "Dönitz's well-known e-mail from Wolfsschanze. " + BODY;
    Article derived = article(Titles.derive(body), body);
    assertTrue(NewsSchema.isDerivedTitle(derived));
    assertEquals(spellingWords(derived.title(), body), indexedWords(NewsSchema.analyzer(), derived));
  }

  private static String letters(int n) {
    StringBuilder out = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      out.append((char) ('a' + c - '0'));
    }
    return out.toString();
  }

  @Test
  void eachDocumentGetsItsOwnWordsWhenOneWriterIndexesManyOnSeveralThreads() throws Exception {
    Analyzer analyzer = NewsSchema.analyzer();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      Thread[] threads = new Thread[3];
      for (int t = 0; t < threads.length; t++) {
        int thread = t;
        threads[t] = new Thread(() -> {
          for (int i = 0; i < 200; i++) {
            // Letters only (the vocabulary keeps no numbers): thread and number spelled a-j.
            String word = "zq" + letters(thread) + "x" + letters(i);
            try {
              w.addDocument(NewsSchema.toDocument(new Article(word, "Title " + word, null, "", "",
                  "Body text about " + word + " and the Zyxwarble.")));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        });
        threads[t].start();
      }
      for (Thread t : threads) {
        t.join();
      }
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        org.apache.lucene.index.StoredFields stored = r.storedFields();
        for (org.apache.lucene.index.LeafReaderContext leaf : r.leaves()) {
          for (int d = 0; d < leaf.reader().maxDoc(); d++) {
            String id = stored.document(leaf.docBase + d).get(NewsSchema.ID);
            assertTrue(id.startsWith("zq"), id);
            assertEquals(1, r.docFreq(new org.apache.lucene.index.Term(NewsSchema.WORDS, id)));
          }
        }
        assertEquals(600,
            r.docFreq(new org.apache.lucene.index.Term(NewsSchema.WORDS, "zyxwarble")));
        assertEquals(0, r.docFreq(new org.apache.lucene.index.Term(NewsSchema.WORDS, "body")));
      }
    }
  }
}
