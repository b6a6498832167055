package dev.newsindex.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The bare-Lucene baselines newsindex is measured against: a collection's {@code docs.jsonl}
 * (fields {@code id}, {@code title}, {@code body}) indexed with {@link Analysis}'s analyzer, title
 * and body as separate {@code TextField}s (an empty title stays empty), BM25 with Lucene's
 * defaults, and each topic as an any-word {@code MultiFieldQueryParser} query over both fields
 * (the Anserini-style setup), its text escaped as {@link Evaluator#plainQuery} escapes it.
 */
public final class Baselines {
  /** The baselines' analysis. */
  public enum Analysis {
    /** Lucene's {@code StandardAnalyzer} with the English stop words. */
    STANDARD,
    /** Lucene's {@code EnglishAnalyzer}: possessives, stop words, Porter. */
    PORTER;

    Analyzer analyzer() {
      return this == STANDARD ? new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)
          : new EnglishAnalyzer();
    }
  }

  private Baselines() {}

  /**
   * The top {@value Evaluator#DEPTH} of each topic over {@code docs} with {@code analysis}: bare
   * Lucene BM25 over title and body as separate fields, any term matching.
   *
   * @param docs a JSON-lines file of articles ({@code id}, {@code title}, {@code body})
   * @param topics the queries
   * @param analysis the baseline's analyzer
   * @return the run: for each topic id, the article ids with their scores
   * @throws IOException when the file cannot be read
   */
  public static Run run(Path docs, List<Topic> topics, Analysis analysis) throws IOException {
    Analyzer analyzer = analysis.analyzer();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (String[] record : records(docs)) {
          Document d = new Document();
          d.add(new StringField("id", record[0], Field.Store.YES));
          d.add(new TextField("title", record[1], Field.Store.NO));
          d.add(new TextField("body", record[2], Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Map<String, List<Run.Ranked>> results = new LinkedHashMap<>();
        for (Topic t : topics) {
          MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"title", "body"},
              analyzer);
          parser.setDefaultOperator(QueryParser.OR_OPERATOR);
          List<Run.Ranked> ranked = new ArrayList<>();
          try {
            for (ScoreDoc sd : searcher.search(parser.parse(Evaluator.plainQuery(t.text())),
                Evaluator.DEPTH).scoreDocs) {
              ranked.add(new Run.Ranked(searcher.storedFields().document(sd.doc).get("id"),
                  sd.score));
            }
          } catch (ParseException e) {
            throw new IllegalStateException("an escaped query cannot fail to parse", e);
          }
          results.put(t.id(), ranked);
        }
        return new Run(results);
      }
    }
  }

  /**
   * {@code id}, {@code title}, {@code body} of each record of a JSON-lines file, as given.
   *
   * @param docs the file
   * @return the records, in file order
   * @throws IOException when the file cannot be read
   */
  public static List<String[]> records(Path docs) throws IOException {
    List<String[]> out = new ArrayList<>();
    JsonFactory json = new JsonFactory();
    try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] record = {"", "", ""};
        try (JsonParser p = json.createParser(line)) {
          p.nextToken();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
              p.skipChildren();
              continue;
            }
            switch (name) {
              case "id" -> record[0] = p.getValueAsString();
              case "title" -> record[1] = p.getValueAsString("");
              case "body" -> record[2] = p.getValueAsString("");
              default -> { }
            }
          }
        }
        out.add(record);
      }
    }
    return out;
  }
}
