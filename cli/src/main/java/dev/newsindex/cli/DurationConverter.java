package dev.newsindex.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A time such as {@code 500ms}, {@code 10s}, {@code 2m} or a plain number of seconds. */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

  @Override
  public Duration convert(String value) {
    Matcher m = TIME.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("use a time such as 500ms, 10s or 2m, not '" + value + "'");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    long millis = Math.round(switch (unit) {
      case "ms" -> n;
      case "m" -> n * 60_000;
      default -> n * 1000;
    });
    if (millis <= 0) {
      throw new TypeConversionException("the time must be positive, not '" + value + "'");
    }
    return Duration.ofMillis(millis);
  }

  /** {@code d} as this converter would read it back, e.g. {@code 10s} or {@code 250ms}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
