package dev.newsindex.ingest;

import dev.newsindex.InvalidRequestException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates news feeds carry: ISO dates and date-times, and RFC 822 date-times; the calendar
 * is checked strictly (no 2023-02-30).
 */
public final class Dates {
  private Dates() {}

  /**
   * RFC 822 / RFC 1123 date-times as RSS {@code pubDate} and mail headers write them, read
   * leniently: the day of the week optional (and not checked: feeds get it wrong), one- or two-digit
   * days, month names of any length ({@code Sept}), two- or four-digit years, optional seconds, and
   * any zone ({@code GMT}, {@code EST}, {@code +0200}, {@code Z}).
   */
  private static final Pattern RFC_822 = Pattern.compile(
      "(?:[A-Za-z]{2,9}\\.?,?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4}|\\d{2})"
      + "(?:,?\\s+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:\\s*(?:[A-Za-z]{1,5}"
      + "|[+-]\\d{2}:?\\d{2}))?)?");
  private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec");
  /** An ISO offset without its colon ({@code +0200}) or without minutes ({@code +02}). */
  private static final Pattern BASIC_OFFSET = Pattern.compile("([+-]\\d{2}):?(\\d{2})?$");

  /**
   * The calendar date of {@code text}: {@code 2023-11-16}, {@code 2023-11-16T08:30:00},
   * {@code 2023-11-16T08:30:00Z} or with an offset ({@code +02:00}, {@code +0200}, {@code +02}),
   * also with a space instead of the {@code T}; or an RFC 822 date-time as RSS {@code pubDate}
   * fields carry ({@code Thu, 16 Nov 2023 08:30:00 GMT}, {@code 16 Nov 23 08:30 +0200}). A
   * date-time keeps its own local date (no conversion to UTC), as a reader of the article would see
   * it.
   *
   * @param text the date as written in the source
   * @return the date
   * @throws InvalidRequestException naming the text when it is no such date
   */
  public static LocalDate parse(String text) {
    String s = text.strip();
    try {
      Matcher rfc = RFC_822.matcher(s);
      if (rfc.matches()) {
        return rfc822(rfc);
      }
      if (s.length() > 10 && s.charAt(10) == ' ') {
        s = s.substring(0, 10) + "T" + s.substring(11);
      }
      if (s.length() <= 10) {
        return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
      }
      if (s.length() > 19) {
        Matcher offset = BASIC_OFFSET.matcher(s);
        if (offset.find() && offset.start() >= 16) {
          s = s.substring(0, offset.start()) + offset.group(1) + ":"
              + (offset.group(2) == null ? "00" : offset.group(2));
        }
      }
      // One parse whether or not an offset follows (trying the offset form first and catching
      // its failure cost an exception for every offset-less date-time, as Reuters-21578 has).
      return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(s));
    } catch (DateTimeException e) {
      throw new InvalidRequestException("bad date '" + abbreviate(text.strip()) + "' (expected"
          + " YYYY-MM-DD, an ISO date-time or an RFC 822 date)", e);
    }
  }

  private static LocalDate rfc822(Matcher m) {
    String month = m.group(2).toLowerCase(Locale.ROOT);
    int monthIndex = MONTHS.indexOf(month.substring(0, 3));
    if (monthIndex < 0) {
      throw new DateTimeException("no month " + m.group(2));
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900; // RFC 2822's rule for obsolete two-digit years
    }
    return LocalDate.of(year, monthIndex + 1, Integer.parseInt(m.group(1)));
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
