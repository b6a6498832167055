package dev.newsindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date forms of feeds and pages: RFC 822 as RSS writes it, ISO 8601 with any zone form. */
class DatesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Thu, 16 Nov 2023 08:30:00 GMT      | 2023-11-16
      Thu, 16 Nov 2023 23:30:00 -0500    | 2023-11-16
      16 Nov 2023 08:30 EST              | 2023-11-16
      Mon, 6 Mar 2023 08:30:00 +0100     | 2023-03-06
      Tue, 16 Sept 2023 08:30:00 PDT     | 2023-09-16
      Wed, 02 Oct 02 08:00:00 Z          | 2002-10-02
      Fri, 16 Nov 2023                   | 2023-11-16
      Sun, 16 Nov 2023 08:30:00 GMT      | 2023-11-16
      2023-11-16                         | 2023-11-16
      2023-11-16T23:30:00+02:00          | 2023-11-16
      2023-11-16T23:30:00+0200           | 2023-11-16
      2023-11-16T23:30:00-05             | 2023-11-16
      2023-11-16T23:30:00.123456Z        | 2023-11-16
      2023-11-16T23:30Z                  | 2023-11-16
      2023-11-16 23:30:00                | 2023-11-16
      """)
  void readsTheFormsFeedsWrite(String text, String date) {
    assertEquals(LocalDate.parse(date), Dates.parse(text), text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Fri, 30 Feb 2024 10:00:00 GMT", "2024-02-30", "16 Foo 2023 08:30 GMT",
      "yesterday", "2023-11-16T25:00:00Z", "2023-11-16T08:30:00+2"})
  void rejectsWhatIsNoDate(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dates.parse(text));
    assertEquals(true, e.getMessage().startsWith("bad date '"), e.getMessage());
  }
}
