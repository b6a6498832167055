package dev.newsindex.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.ingest.IngestListener;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relevance goal on the TIME collection (../shared, skipped when absent): newsindex's default
 * analysis loses at most one point of MAP to the Anserini-style Porter baseline measured in the same
 * run. The full table is printed by {@code bench/run RelevanceReport}.
 */
class TimeCollectionTest {
  static final Path TIME = Path.of("..", "..", "shared", "corpora", "time");

  @TempDir Path dir;

  @Test
  void defaultAnalysisKeepsUpWithThePorterBaseline() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(TIME.resolve("docs.jsonl")),
        "the TIME collection is not at " + TIME.toAbsolutePath().normalize()
            + " (../shared beside the repository)");
    List<Topic> topics = Topics.read(TIME.resolve("queries.tsv"));
    Qrels qrels = Qrels.read(TIME.resolve("qrels.txt"));
    Evaluation ours;
    try (NewsIndex index = NewsIndex.openOrCreate(dir.resolve("index"))) {
      index.ingest(List.of(TIME.resolve("docs.jsonl")), IngestListener.NONE);
      assertEquals(423, index.size());
      ours = Evaluation.of(Evaluator.run(index, topics), qrels);
    }
    Evaluation porter = Evaluation.of(porterBaseline(topics), qrels);
    assertEquals(79, ours.perQuery().size(), "judged queries with a relevant article");
    assertTrue(ours.mean().map() >= porter.mean().map() - 0.01, String.format(
        "newsindex MAP %.4f vs Porter baseline %.4f", ours.mean().map(), porter.mean().map()));
    assertTrue(ours.mean().recall1000() >= porter.mean().recall1000() - 0.02);
  }

  /** Lucene's EnglishAnalyzer over the body, BM25 defaults, any-term queries. */
  private static Run porterBaseline(List<Topic> topics) throws Exception {
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
        for (String line : Files.readAllLines(TIME.resolve("docs.jsonl"))) {
          Document d = new Document();
          d.add(new StringField("id", field(line, "id"), Field.Store.YES));
          d.add(new TextField("body", field(line, "body"), Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Map<String, List<Run.Ranked>> results = new LinkedHashMap<>();
        for (Topic t : topics) {
          List<Run.Ranked> ranked = new ArrayList<>();
          QueryParser parser = new QueryParser("body", analyzer);
          for (ScoreDoc sd : searcher.search(parser.parse(Evaluator.plainQuery(t.text())),
              Evaluator.DEPTH).scoreDocs) {
            ranked.add(new Run.Ranked(searcher.storedFields().document(sd.doc).get("id"),
                sd.score));
          }
          results.put(t.id(), ranked);
        }
        return new Run(results);
      }
    }
  }

  /** A string field of one TIME record. */
  private static String field(String json, String name) throws IOException {
    try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
      p.nextToken();
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        if (key.equals(name)) {
          return p.getValueAsString();
        }
      }
    }
    throw new IOException("no " + name + " in " + json);
  }
}
