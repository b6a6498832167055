package dev.newsindex.cli;

import dev.newsindex.InvalidRequestException;
import dev.newsindex.search.DateBounds;
import java.time.LocalDate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one reading of a date option ({@code --since}, {@code --until}, {@code --before}): the forms
 * of {@link DateBounds} (a day, month, year, today, yesterday, an age such as 3m, an ISO date-time
 * or RFC 822 date). The value stays text, checked here so that a bad one is an option error; the
 * command turns it into a first or last day with {@link DateBounds}.
 */
final class DateConverter implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    try {
      DateBounds.start(value, LocalDate.now());
      return value;
    } catch (InvalidRequestException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
