package dev.newsindex.search;

import dev.newsindex.InvalidRequestException;
import dev.newsindex.ingest.Dates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them for {@code since} and {@code until}: a day ({@code 2023-11-16}), a
 * month ({@code 2023-11}), a year ({@code 2023}), {@code today}, {@code yesterday}, or an age
 * counted back from today: {@code 7d}, {@code 2w}, {@code 3m}, {@code 1y}. A month or a year means
 * its first day as a start and its last day as an end, so {@code since 2023 until 2023} is the
 * whole year.
 */
public final class DateBounds {
  private static final Pattern AGE = Pattern.compile("(\\d{1,5})\\s*([dwmy])");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private DateBounds() {}

  /**
   * The first day {@code text} can mean, relative to {@code today}.
   *
   * @param text a day, month, year, {@code today}, {@code yesterday} or age, in any case;
   *     surrounding white space is ignored
   * @param today the day ages and {@code today} count from
   * @return the day itself, the first day of a month or year, or the day an age reaches back to
   * @throws InvalidRequestException when {@code text} is none of these (the message lists them)
   */
  public static LocalDate start(String text, LocalDate today) {
    return parse(text, today, false);
  }

  /**
   * The last day {@code text} can mean, relative to {@code today}.
   *
   * @param text a day, month, year, {@code today}, {@code yesterday} or age, in any case;
   *     surrounding white space is ignored
   * @param today the day ages and {@code today} count from
   * @return the day itself, the last day of a month or year, or the day an age reaches back to
   * @throws InvalidRequestException when {@code text} is none of these (the message lists them)
   */
  public static LocalDate end(String text, LocalDate today) {
    return parse(text, today, true);
  }

  private static LocalDate parse(String raw, LocalDate today, boolean end) {
    String text = raw.strip().toLowerCase(Locale.ROOT);
    switch (text) {
      case "today" -> {
        return today;
      }
      case "yesterday" -> {
        return today.minusDays(1);
      }
      default -> { }
    }
    Matcher age = AGE.matcher(text);
    if (age.matches()) {
      int n = Integer.parseInt(age.group(1));
      return switch (age.group(2)) {
        case "d" -> today.minusDays(n);
        case "w" -> today.minusWeeks(n);
        case "m" -> today.minusMonths(n);
        default -> today.minusYears(n);
      };
    }
    try {
      if (YEAR.matcher(text).matches()) {
        int y = Integer.parseInt(text);
        return end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
      }
      if (MONTH.matcher(text).matches()) {
        YearMonth m = YearMonth.parse(text);
        return end ? m.atEndOfMonth() : m.atDay(1);
      }
      return Dates.parse(text);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new InvalidRequestException("bad date '" + raw + "': use 2023-11-16, 2023-11, 2023,"
          + " today, or an age such as 7d, 2w, 3m, 1y");
    }
  }
}
