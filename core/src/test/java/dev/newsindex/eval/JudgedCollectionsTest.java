package dev.newsindex.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.IndexSettings;
import dev.newsindex.NewsIndex;
import dev.newsindex.ingest.IngestListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The relevance guard on every judged collection: TIME ({@code ../shared}, its own judgments),
 * Reuters-21578 and BBC ({@code ../shared} for the articles, {@code bench/relevance} for the
 * topics and qrels); each is skipped, saying what is missing, when its files are not there.
 * newsindex's default must not fall below either bare-Lucene baseline measured in the same run
 * (StandardAnalyzer; EnglishAnalyzer with Porter, title and body as fields) by more than half a
 * point of MAP or nDCG@10, nor below Porter's recall@1000 by more than two points. The full
 * tables are {@code bench/run RelevanceReport}'s.
 */
class JudgedCollectionsTest {
  static final Path CORPORA = Path.of("..", "..", "shared", "corpora");
  static final Path RELEVANCE = Path.of("..", "bench", "relevance");
  static final double TOLERANCE = 0.005;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "time, time/docs.jsonl, , time/queries.tsv, time/qrels.txt",
      "reuters, reuters21578/docs.jsonl, reuters, topics.tsv, qrels.txt",
      "bbc, bbc/docs.jsonl, bbc, topics.tsv, qrels.txt"})
  void defaultAnalysisKeepsUpWithBothBaselines(String name, String docsFile, String judged,
      String topicsFile, String qrelsFile) throws IOException {
    Path docs = CORPORA.resolve(docsFile);
    Path base = judged == null ? CORPORA : RELEVANCE.resolve(judged);
    Path topicsPath = base.resolve(topicsFile);
    Path qrelsPath = base.resolve(qrelsFile);
    for (Path p : List.of(docs, topicsPath, qrelsPath)) {
      Assumptions.assumeTrue(Files.isRegularFile(p), name + ": " + p.toAbsolutePath()
          .normalize() + " is missing (" + (p == docs ? "../shared beside the repository"
              : "no judgments in the repository yet") + ")");
    }
    List<Topic> topics = Topics.read(topicsPath);
    Qrels qrels = Qrels.read(qrelsPath);
    Evaluation ours;
    try (NewsIndex index = NewsIndex.openOrCreate(dir.resolve("index"), IndexSettings.DEFAULT)) {
      index.ingest(List.of(docs), IngestListener.NONE);
      ours = Evaluation.of(Evaluator.run(index, topics), qrels);
    }
    assertTrue(ours.perQuery().size() > 0, name + ": no judged topic with a relevant article");
    for (Baselines.Analysis baseline : Baselines.Analysis.values()) {
      Measures b = Evaluation.of(Baselines.run(docs, topics, baseline), qrels).mean();
      Measures o = ours.mean();
      String figures = String.format(java.util.Locale.ROOT,
          "%s: newsindex MAP %.4f nDCG@10 %.4f R@1000 %.4f vs %s MAP %.4f nDCG@10 %.4f R@1000 %.4f",
          name, o.map(), o.ndcg10(), o.recall1000(), baseline, b.map(), b.ndcg10(),
          b.recall1000());
      assertTrue(o.map() >= b.map() - TOLERANCE, figures);
      assertTrue(o.ndcg10() >= b.ndcg10() - TOLERANCE, figures);
      if (baseline == Baselines.Analysis.PORTER) {
        assertTrue(o.recall1000() >= b.recall1000() - 0.02, figures);
      }
    }
  }
}
