package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
  @TempDir Path dir;

  @Test
  void walksDirectoriesByFormatAndReportsWhatItCannotRead() throws IOException {
    Files.copy(MenafnTextReaderTest.SEED, dir.resolve("seed.txt"));
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/feed.jsonl"), "{\"id\":\"j1\",\"body\":\"b\"}\n");
    Files.writeString(dir.resolve("sub/feed.ndjson.txt"), "{\"id\":\"j2\",\"body\":\"b\"}\n");
    Files.writeString(dir.resolve("notes.md"), "# not news\n");
    Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    Files.writeString(dir.resolve("empty.txt"), "");
    Files.writeString(dir.resolve(".hidden.jsonl"), "{\"id\":\"h\",\"body\":\"b\"}\n");
    Files.createDirectories(dir.resolve("index"));
    Files.writeString(dir.resolve("index/segments_1"), "lucene");
    Files.writeString(dir.resolve("index/notes.jsonl"), "{\"id\":\"i\",\"body\":\"b\"}\n");

    JsonLinesReaderTest.Collected c = new JsonLinesReaderTest.Collected();
    Ingest.read(List.of(dir, dir.resolve("missing.txt")), c);

    assertEquals(List.of("1107439109", "j1", "j2"),
        c.articles.stream().map(Article::id).toList());
    assertEquals(4, c.rejected.size(), c.rejected.toString());
    assertTrue(c.rejected.get(0).endsWith("empty.txt: empty file"), c.rejected.get(0));
    assertTrue(c.rejected.get(1).contains("image.png: unknown format"), c.rejected.get(1));
    assertTrue(c.rejected.get(2).contains("notes.md: unknown format"), c.rejected.get(2));
    assertTrue(c.rejected.get(3).endsWith("missing.txt: no such file or directory"));
  }
}
