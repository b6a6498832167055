package dev.newsindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsindex.Compression;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.Origin;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest {
  @TempDir Path tmp;

  @Test
  void versionsOfOneIdAreWrittenInInputOrderWhateverTheThreads() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int v = 0; v < 50; v++) {
      for (int id = 0; id < 23; id++) {
        lines.add("{\"id\":\"a" + id + "\",\"title\":\"T\",\"body\":\"version " + v + "\"}");
      }
    }
    lines.add("{\"id\":\"\"}"); // rejected
    Path feed = Files.write(tmp.resolve("feed.jsonl"), lines);
    AtomicInteger intervals = new AtomicInteger();
    List<String> skipped = new ArrayList<>();
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, ArticleWriter.config(NewsSchema.analyzer(),
            IndexWriterConfig.OpenMode.CREATE, Compression.FAST));
        ArticleWriter articles = new ArticleWriter(writer,
            NewsSchema.commitData(IndexSettings.DEFAULT))) {
      IngestSummary run = IngestJob.run(articles, Ingest.resolve(List.of(feed)),
          IngestOptions.defaults().withThreads(4).withCommitEvery(97, Long.MAX_VALUE),
          new IngestListener() {
            @Override
            public void skipped(Origin origin, String reason) {
              skipped.add(origin.toString().replace(tmp + "/", "") + ": " + reason);
            }
          }, () -> {
            intervals.incrementAndGet();
            return articles.commit();
          }, true);
      articles.commit();
      assertEquals(23, run.indexed());
      assertEquals(49 * 23, run.updated());
      assertEquals(List.of("feed.jsonl:1151: no \"id\""), skipped);
      assertEquals(1150 / 97, intervals.get(), "an interval every 97 articles read");
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        assertEquals(23, r.numDocs());
        for (int id = 0; id < 23; id++) {
          TopDocs top = s.search(new TermQuery(new Term(NewsSchema.ID, "a" + id)), 2);
          assertEquals(1, top.totalHits.value());
          assertEquals("version 49", s.storedFields().document(top.scoreDocs[0].doc)
              .get(NewsSchema.BODY), "the last version read wins");
        }
      }
    }
  }
}
