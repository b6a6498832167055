package dev.newsindex.ingest;

import dev.newsindex.InvalidRequestException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Parses the dates news feeds carry: ISO dates and ISO date-times, strictly (no 2023-02-30). */
public final class Dates {
  private Dates() {}

  /**
   * The calendar date of {@code text}: {@code 2023-11-16}, {@code 2023-11-16T08:30:00},
   * {@code 2023-11-16T08:30:00Z} or with an offset ({@code +02:00}), also with a space instead of
   * the {@code T}; or an RFC 1123 date-time as RSS {@code pubDate} fields carry ({@code Thu, 16 Nov
   * 2023 08:30:00 GMT}). A date-time keeps its own local date (no conversion to UTC), as a reader of
   * the article would see it.
   *
   * @param text the date as written in the source
   * @return the date
   * @throws InvalidRequestException naming the text when it is no such date
   */
  public static LocalDate parse(String text) {
    String s = text.strip();
    try {
      if (!s.isEmpty() && Character.isLetter(s.charAt(0))) {
        return java.time.ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME
            .withResolverStyle(java.time.format.ResolverStyle.STRICT))
            .toLocalDate();
      }
      if (s.length() > 10 && s.charAt(10) == ' ') {
        s = s.substring(0, 10) + "T" + s.substring(11);
      }
      if (s.length() <= 10) {
        return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
      }
      // One parse whether or not an offset follows (trying the offset form first and catching
      // its failure cost an exception for every offset-less date-time, as Reuters-21578 has).
      return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(s));
    } catch (DateTimeException e) {
      throw new InvalidRequestException("bad date '" + abbreviate(text.strip()) + "' (expected"
          + " YYYY-MM-DD or an ISO date-time)", e);
    }
  }

  /**
   * {@link #parse} for a reader: a bad date rejects the record it is in.
   *
   * @throws RejectedRecordException naming the text when it is no such date
   */
  static LocalDate parseInRecord(String text) {
    try {
      return parse(text);
    } catch (InvalidRequestException e) {
      throw new RejectedRecordException(e.getMessage(), e.getCause());
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "\u2026";
  }
}
