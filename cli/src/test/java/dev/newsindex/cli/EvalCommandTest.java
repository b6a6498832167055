package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsindex eval} and the analysis options of {@code index}, end to end. */
class EvalCommandTest {
  @TempDir Path tmp;
  Path index;
  Path topics;
  Path qrels;

  @BeforeEach
  void collection() throws IOException {
    Path docs = Files.writeString(tmp.resolve("docs.jsonl"), """
        {"id": "a", "title": "Whales", "body": "whale whale whale"}
        {"id": "b", "title": "Harbour", "body": "a whale was seen near the ships in the harbour during the storm last night"}
        {"id": "c", "title": "Ships", "body": "ships ships"}
        {"id": "d", "title": "Eruption", "body": "volcano eruption"}
        {"id": "e", "title": "Volcano", "body": "volcano"}
        """);
    index = tmp.resolve("index");
    CliRun indexed = CliRun.run("index", "--index", index.toString(), docs.toString());
    assertEquals(0, indexed.exitCode(), indexed.err());
    topics = Files.writeString(tmp.resolve("topics.tsv"), "1\tWHALE\n2\tVOLCANO ERUPTION\n");
    qrels = Files.writeString(tmp.resolve("qrels.txt"), "1 0 a 1\n1 0 c 1\n2 0 e 1\n");
  }

  @Test
  void printsTrecEvalMeasuresPerQueryAndOverallAndWritesTheRun() throws IOException {
    Path run = tmp.resolve("run.txt");
    CliRun r = CliRun.run("eval", "--index", index.toString(), "--topics", topics.toString(),
        "--qrels", qrels.toString(), "--run", run.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    // Worked out by hand: topic 1 finds a first and never c (AP 1/2); topic 2 finds e second.
    assertTrue(lines.contains("map                   \t1\t0.5000"), r.out());
    assertTrue(lines.contains("map                   \t2\t0.5000"), r.out());
    assertTrue(lines.contains("num_q                 \tall\t2"), r.out());
    assertTrue(lines.contains("map                   \tall\t0.5000"), r.out());
    assertTrue(lines.contains("P_10                  \tall\t0.1000"), r.out());
    assertTrue(lines.contains("recall_1000           \tall\t0.7500"), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("ndcg_cut_10           \tall\t")));
    List<String> runLines = Files.readAllLines(run);
    assertEquals(4, runLines.size(), runLines.toString());
    assertTrue(runLines.get(0).matches("1 Q0 a 1 \\d+\\.\\d{6} newsindex"), runLines.get(0));
    assertTrue(runLines.get(3).matches("2 Q0 e 2 \\d+\\.\\d{6} newsindex"), runLines.get(3));
  }

  @Test
  void modeAllRequiresEveryWordAndTheHeaderSaysWhichModeAndGain() throws IOException {
    CliRun any = CliRun.run("eval", "--index", index.toString(), "--topics", topics.toString(),
        "--qrels", qrels.toString());
    assertTrue(any.out().startsWith("# newsindex eval: mode any"), any.out());
    assertTrue(any.out().contains("gain = the judged grade"), any.out());
    CliRun all = CliRun.run("eval", "--index", index.toString(), "--topics", topics.toString(),
        "--qrels", qrels.toString(), "--mode", "ALL");
    assertEquals(0, all.exitCode(), all.err());
    assertTrue(all.out().startsWith("# newsindex eval: mode all"), all.out());
    List<String> lines = all.out().lines().toList();
    // VOLCANO ERUPTION with both words required finds only d, which is not relevant.
    assertTrue(lines.contains("map                   \t2\t0.0000"), all.out());
    assertTrue(lines.contains("map                   \t1\t0.5000"), all.out());
    CliRun bad = CliRun.run("eval", "--index", index.toString(), "--topics", topics.toString(),
        "--qrels", qrels.toString(), "--mode", "some");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("choose any or all"), bad.err());
  }

  @Test
  void malformedTopicsAreOneLineWithFileAndLine() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.tsv"), "1\twhale\nno tab\n");
    CliRun r = CliRun.run("eval", "--index", index.toString(), "--topics", bad.toString(),
        "--qrels", qrels.toString());
    assertEquals(2, r.exitCode());
    assertEquals("newsindex: " + bad + ":2: expected 'qid<TAB>query' (or TREC <top> topics)",
        r.err().strip());
  }

  @Test
  void missingIndexOrFilesAreReported() {
    CliRun none = CliRun.run("eval", "--index", tmp.resolve("nothing").toString(), "--topics",
        topics.toString(), "--qrels", qrels.toString());
    assertEquals(3, none.exitCode(), none.err());
    CliRun noFile = CliRun.run("eval", "--index", index.toString(), "--topics",
        tmp.resolve("missing.tsv").toString(), "--qrels", qrels.toString());
    assertEquals(2, noFile.exitCode());
    assertTrue(noFile.err().startsWith("newsindex: no such file: "), noFile.err());
  }

  @Test
  void dprkFindsTheSeedAndMarksNorthKorea() {
    Path seeds = tmp.resolve("seeds-index");
    CliRun indexed = CliRun.run("index", "--index", seeds.toString(),
        Path.of("..", "seeds").toString());
    assertEquals(0, indexed.exitCode(), indexed.err());
    CliRun r = CliRun.run("search", "--index", seeds.toString(), "DPRK");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("id 1107439109"), r.out());
    assertTrue(r.out().contains("**North Korea**"), r.out());
    assertFalse(r.out().contains("**South Korea**") || r.out().contains("South **Korea**"),
        r.out());

    // Without the bundled aliases (a query-time setting, changed on the existing index).
    CliRun off = CliRun.run("index", "--index", seeds.toString(), "--no-bundled-synonyms",
        Path.of("..", "seeds").toString());
    assertEquals(0, off.exitCode(), off.err());
    assertEquals(1, CliRun.run("search", "--index", seeds.toString(), "DPRK").exitCode());
  }

  @Test
  void anIndexFromTheEarlierAnalysisIsRefusedWithTheRebuildAdvice() throws IOException {
    Path old = tmp.resolve("old");
    try (var dir = org.apache.lucene.store.FSDirectory.open(old);
        var w = new org.apache.lucene.index.IndexWriter(dir,
            new org.apache.lucene.index.IndexWriterConfig())) {
      w.setLiveCommitData(java.util.Map.of("newsindex.schema", "1",
          "newsindex.analyzer", "news-en-1").entrySet());
      w.commit();
    }
    CliRun r = CliRun.run("search", "--index", old.toString(), "korea");
    assertEquals(5, r.exitCode(), r.err());
    assertTrue(r.err().contains("built with schema 1/news-en-1 but this newsindex needs "
        + dev.newsindex.schema.NewsSchema.describe(dev.newsindex.schema.NewsSchema.commitData())
        + "; rebuild it"), r.err());
  }

  @Test
  void analysisOptionsAreStoredAndTheStemmerIsFixed() throws IOException {
    Path other = tmp.resolve("kstem");
    Path syn = Files.writeString(tmp.resolve("syn.txt"), "cetacean, whale\n");
    Path docs = tmp.resolve("docs.jsonl");
    CliRun created = CliRun.run("index", "--index", other.toString(), "--stemmer", "kstem",
        "--synonyms", syn.toString(), docs.toString());
    assertEquals(0, created.exitCode(), created.err());
    CliRun found = CliRun.run("search", "--index", other.toString(), "cetacean");
    assertEquals(0, found.exitCode(), found.err());
    assertTrue(found.out().contains("Whales"), found.out());
    CliRun changed = CliRun.run("index", "--index", other.toString(), "--stemmer", "porter",
        docs.toString());
    assertEquals(2, changed.exitCode());
    assertTrue(changed.err().contains("was built with stemmer kstem"), changed.err());
    CliRun badRules = CliRun.run("index", "--index", other.toString(), "--synonyms",
        Files.writeString(tmp.resolve("bad.txt"), "whale => \n").toString(), docs.toString());
    assertEquals(2, badRules.exitCode());
    assertTrue(badRules.err().contains("bad.txt: synonyms line 1"), badRules.err());
  }
}
