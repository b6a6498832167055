package dev.newsindex.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * The floor for {@code bench/startup.sh}: the least a cold Lucene search printing the top 10 with
 * highlighted passages does, with none of newsindex (no command-line parsing, no query parser, no
 * synonyms, no schema checks): the query's words through Lucene's {@link EnglishAnalyzer} (Porter
 * stems, as the index's default chain) as required {@link TermQuery}s on the body, BM25, the
 * {@link UnifiedHighlighter} on the body's postings offsets, titles from stored fields. It opens
 * the index as {@code newsindex search} does ({@link NIOFSDirectory}) and is run with the
 * launcher's JVM options and an AOT cache of its own, so the difference to {@code newsindex
 * search} is newsindex's own start-up work.
 *
 * <p>Run as {@code java -cp ... dev.newsindex.bench.BareSearch INDEX WORDS...}.
 */
public final class BareSearch {
  private BareSearch() {}

  /**
   * Searches INDEX for the words and prints the top 10 with three passages each.
   *
   * @param args the index directory, then the query words
   * @throws IOException when the index cannot be read
   */
  public static void main(String[] args) throws IOException {
    Logger.getLogger("org.apache.lucene").setLevel(Level.OFF); // as newsindex: no JUL notice
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    try (Analyzer analyzer = new EnglishAnalyzer()) {
      for (int i = 1; i < args.length; i++) {
        try (TokenStream ts = analyzer.tokenStream("body", args[i])) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            b.add(new TermQuery(new Term("body", term.toString())), BooleanClause.Occur.MUST);
          }
          ts.end();
        }
      }
      Query query = b.build();
      try (Directory dir = new NIOFSDirectory(Path.of(args[0]));
          DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs top = searcher.search(query, 10);
        String[] passages = UnifiedHighlighter.builder(searcher, analyzer).build()
            .highlight("body", query, top, 3);
        StoredFields stored = searcher.storedFields();
        out.println(top.totalHits + " for " + query);
        for (int i = 0; i < top.scoreDocs.length; i++) {
          Document doc = stored.document(top.scoreDocs[i].doc);
          out.println((i + 1) + ". " + doc.get("title") + " | " + doc.get("source"));
          out.println("   " + passages[i]);
        }
      }
    }
    out.flush();
  }
}
