package dev.newsindex.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures checked against values worked out by hand, as trec_eval defines them. */
class EvaluationTest {
  private static final double EPS = 1e-4;

  @TempDir Path dir;

  static Run.Ranked r(String doc, double score) {
    return new Run.Ranked(doc, score);
  }

  @Test
  void measuresOfAHandMadeRun() {
    Qrels qrels = new Qrels(Map.of(
        "q1", Map.of("d1", 1, "d2", 0, "d3", 1),
        "q2", Map.of("d5", 1),
        "q3", Map.of("d7", 1),
        "q4", Map.of("d9", 0)));
    Run run = new Run(Map.of(
        "q1", List.of(r("d1", 3), r("d2", 2), r("d3", 1)),
        // A tie: trec_eval puts the larger document id first, so d5 ranks above d4.
        "q2", List.of(r("d4", 1), r("d5", 1))));
    Evaluation e = Evaluation.of(run, qrels);

    // q1: relevant at ranks 1 and 3 → AP = (1/1 + 2/3) / 2.
    Measures q1 = e.perQuery().get("q1");
    assertEquals((1 + 2.0 / 3) / 2, q1.map(), EPS);
    assertEquals(0.2, q1.p10(), EPS);
    assertEquals(1.0, q1.recall1000(), EPS);
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
    assertEquals(1.5 / (1 + 1 / (Math.log(3) / Math.log(2))), q1.ndcg10(), EPS);
    assertEquals(1.0, e.perQuery().get("q2").map(), EPS);
    // q3 was not run: it counts as 0 (trec_eval -c); q4 has nothing relevant: not counted.
    assertEquals(0.0, e.perQuery().get("q3").map(), EPS);
    assertEquals(List.of("q1", "q2", "q3"), e.perQuery().keySet().stream().sorted().toList());
    assertEquals(((1 + 2.0 / 3) / 2 + 1 + 0) / 3, e.mean().map(), EPS);
    assertEquals(4, e.mean().relevant());
    assertEquals(3, e.mean().relevantRetrieved());
  }

  @Test
  void mapOfATinyCollectionSearchedThroughTheIndex() throws IOException {
    try (NewsIndex index = NewsIndex.openOrCreate(dir.resolve("index"))) {
      index.upsert(new Article("a", "Whales", null, "", "", "whale whale whale"));
      index.upsert(new Article("b", "Harbour", null, "", "",
          "a whale was seen near the ships in the harbour during the storm last night"));
      index.upsert(new Article("c", "Ships", null, "", "", "ships ships"));
      index.upsert(new Article("d", "Eruption", null, "", "", "volcano eruption"));
      index.upsert(new Article("e", "Volcano", null, "", "", "volcano"));
      index.commit();
      Path topics = Files.writeString(dir.resolve("topics.tsv"), "1\tWHALE\n2\tVOLCANO ERUPTION\n");
      Path qrels = Files.writeString(dir.resolve("qrels.txt"), "1 0 a 1\n1 0 c 1\n2 0 e 1\n");
      Run run = Evaluator.run(index, Topics.read(topics));
      assertEquals(List.of("a", "b"), run.ranking("1").stream().map(Run.Ranked::docId).toList());
      assertEquals(List.of("d", "e"), run.ranking("2").stream().map(Run.Ranked::docId).toList());
      // Topic 1: a at rank 1, c never found → AP = (1/1 + 0) / 2 = 0.5.
      // Topic 2: e at rank 2 → AP = (1/2) / 1 = 0.5. MAP = 0.5.
      Evaluation e = Evaluation.of(run, Qrels.read(qrels));
      assertEquals(0.5, e.perQuery().get("1").map(), EPS);
      assertEquals(0.5, e.perQuery().get("2").map(), EPS);
      assertEquals(0.5, e.mean().map(), EPS);
    }
  }

  @Test
  void plainQueriesEscapeSyntaxAndCapitalOperators() {
    assertEquals("U.S \\(TIME\\) \\AND \\NOT \\OR war\\: yes\\?",
        Evaluator.plainQuery("U.S (TIME) AND NOT OR war: yes?"));
  }

  @Test
  void runFilesAreInTrecFormatInTrecOrder() throws IOException {
    Run run = new Run(Map.of("7", List.of(r("x", 1.5), r("y", 2.5), r("z", 1.5))));
    StringWriter out = new StringWriter();
    run.write(out, "tag");
    assertEquals(String.format("7 Q0 y 1 2.500000 tag%n7 Q0 z 2 1.500000 tag%n"
        + "7 Q0 x 3 1.500000 tag%n"), out.toString());
  }

  @Test
  void readsTsvAndTrecTopics() throws IOException {
    Path tsv = Files.writeString(dir.resolve("t.tsv"), "# comment\n1\tKENNEDY AND DIEM .\n\n2\tb\n");
    assertEquals(List.of(new Topic("1", "KENNEDY AND DIEM ."), new Topic("2", "b")),
        Topics.read(tsv));
    Path trec = Files.writeString(dir.resolve("t.trec"), """
        <top>
        <num> Number: 301
        <title> International Organized Crime

        <desc> Description:
        Identify organizations that participate in international criminal activity.
        </top>
        <top>
        <num> Number: 302 <title> Poliomyelitis and Post-Polio
        <desc> Description: Is the disease of Poliomyelitis (polio) under control?
        </top>
        """);
    assertEquals(List.of(new Topic("301", "International Organized Crime"),
        new Topic("302", "Poliomyelitis and Post-Polio")), Topics.read(trec));
  }

  @Test
  void malformedFilesNameTheLine() throws IOException {
    Path tsv = Files.writeString(dir.resolve("bad.tsv"), "1\tok\nno tab here\n");
    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.read(tsv));
    assertTrue(e.getMessage().endsWith("bad.tsv:2: expected 'qid<TAB>query' (or TREC <top>"
        + " topics)"), e.getMessage());
    Path qrels = Files.writeString(dir.resolve("bad.qrels"), "1 0 a 1\n1 0 b yes\n");
    e = assertThrows(EvalInputException.class, () -> Qrels.read(qrels));
    assertTrue(e.getMessage().endsWith("bad.qrels:2: the grade 'yes' is not a whole number"),
        e.getMessage());
  }
}
