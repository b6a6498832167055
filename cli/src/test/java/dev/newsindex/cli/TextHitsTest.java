package dev.newsindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text rendering's own number formatting matches {@code String.format}'s. */
class TextHitsTest {

  @Test
  void scoresPrintAsFormatWouldPrintThem() {
    Random random = new Random(6);
    for (int i = 0; i < 200_000; i++) {
      float score = switch (i % 3) {
        case 0 -> random.nextFloat() * 40;
        case 1 -> (float) (random.nextInt(100_000) / 1000.0 + 0.005); // on a rounding edge
        default -> Float.intBitsToFloat(0x3f000000 + random.nextInt(0x2000000));
      };
      assertEquals(String.format(Locale.ROOT, "%.2f", score), TextHits.twoDecimals(score),
          () -> "score " + score);
    }
    assertEquals("0.00", TextHits.twoDecimals(0f));
    assertEquals("5.13", TextHits.twoDecimals(5.13f));
    assertEquals("1234.50", TextHits.twoDecimals(1234.5f));
  }
}
