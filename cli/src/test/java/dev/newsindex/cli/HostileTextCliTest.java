package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Article text that tries to drive the terminal is shown inert, JSON escapes it, and match offsets
 * are UTF-16 code units (said so in the output) also past emoji and supplementary CJK.
 */
class HostileTextCliTest {
  static final String EMOJI = "\uD83D\uDE00\uD83D\uDE00"; // two grinning faces
  static final String CJK = "\uD840\uDC00\uD840\uDC01"; // U+20000 U+20001, outside the BMP

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void build() throws IOException {
    Path file = tmp.resolve("hostile.jsonl");
    Files.writeString(file, "{\"id\": \"evil\", \"date\": \"2024-01-02\","
        + " \"title\": \"\\u001b]0;pwned\\u0007Evil \\u001b[2J zebra headline\","
        + " \"source\": \"Bad\\u009bWire\","
        + " \"body\": \"Start \\u001b[31mred\\u001b[0m text about a zebra. " + EMOJI + " " + CJK
        + " zebra " + EMOJI + " zebra again.\"}\n");
    index = tmp.resolve("index").toString();
    CliRun run = CliRun.run("index", "--index", index, file.toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  static void assertNoControlCharacters(String out) {
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      assertFalse(Printable.isControl(c) && c != '\n',
          "control character U+" + Integer.toHexString(c) + " at " + i + " in: " + out);
    }
  }

  @Test
  void textOutputShowsControlCharactersInert() {
    CliRun search = CliRun.run("search", "--index", index, "--passages", "3", "zebra");
    assertEquals(0, search.exitCode(), search.err());
    assertNoControlCharacters(search.out());
    assertTrue(search.out().contains("\uFFFD]0;pwned\uFFFDEvil \uFFFD[2J **zebra** headline"),
        search.out());
    assertTrue(search.out().contains("Bad\uFFFDWire"), search.out());
    CliRun get = CliRun.run("get", "--index", index, "evil");
    assertEquals(0, get.exitCode(), get.err());
    assertNoControlCharacters(get.out());
    assertTrue(get.out().contains("Start \uFFFD[31mred\uFFFD[0m text"), get.out());
  }

  @Test
  void jsonEscapesControlCharactersAndGivesOffsetsInUtf16() throws IOException {
    CliRun json = CliRun.run("search", "--index", index, "--json", "--passages", "3", "zebra");
    assertEquals(0, json.exitCode(), json.err());
    String out = json.out();
    assertTrue(out.toLowerCase().contains("\\u001b]0;pwned\\u0007evil"), out);
    assertEquals(1, out.split("\"offset_unit\":\"utf16\"", -1).length - 1, "once: " + out);
    // Every match, read with Java's (UTF-16) string indices, is the word.
    List<String> matched = new ArrayList<>();
    String body = null;
    try (JsonParser p = new JsonFactory().createParser(out)) {
      String text = null;
      int offset = 0;
      while (p.nextToken() != null) {
        if (p.currentToken() != JsonToken.FIELD_NAME) {
          continue;
        }
        switch (p.currentName()) {
          case "text" -> text = p.nextTextValue();
          case "offset" -> {
            p.nextToken();
            offset = p.getIntValue();
          }
          case "matches" -> {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_ARRAY) {
              p.nextToken();
              int start = p.getIntValue();
              p.nextToken();
              int end = p.getIntValue();
              p.nextToken();
              matched.add(text.substring(start, end) + "@" + (offset + start));
            }
          }
          default -> { }
        }
      }
    }
    body = "Start \u001b[31mred\u001b[0m text about a zebra. " + EMOJI + " " + CJK + " zebra "
        + EMOJI + " zebra again.";
    List<String> expected = new ArrayList<>();
    expected.add("zebra@" + "\u001b]0;pwned\u0007Evil \u001b[2J ".length()); // in the title
    for (int at = body.indexOf("zebra"); at >= 0; at = body.indexOf("zebra", at + 1)) {
      expected.add("zebra@" + at);
    }
    assertEquals(expected, matched, out);
  }
}
