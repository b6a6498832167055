package dev.newsindex.search;

import dev.newsindex.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A way of counting the hits of a search, read from doc values rather than stored articles. The
 * value facets count the exact values of one field, most frequent first; the date facets count
 * calendar buckets in date order.
 */
public enum Facet {
  /** Hits per source, most first. */
  SOURCE(true),
  /** Hits per category (the publisher's section), most first. */
  CATEGORY(true),
  /** Hits per topic (subject codes, keywords, tags), most first. */
  TOPIC(true),
  /** Hits per place, most first. */
  PLACE(true),
  /** Hits per author, most first. */
  AUTHOR(true),
  /** Hits per language ({@code en}, {@code fr}), most first. */
  LANG(true),
  /** Hits per year ({@code 2023}), in date order. */
  YEAR(false),
  /** Hits per month ({@code 2023-11}), in date order. */
  MONTH(false),
  /** Hits per day ({@code 2023-11-16}), in date order. */
  DAY(false);

  private final boolean byValue;

  Facet(boolean byValue) {
    this.byValue = byValue;
  }

  /**
   * Whether this facet counts the values of a field (its {@link #label()} is the field's name),
   * rather than dates.
   *
   * @return true for {@link #SOURCE} and the label facets, false for the date facets
   */
  public boolean byValue() {
    return byValue;
  }

  /**
   * The facet named {@code name} (any case), e.g. {@code source} or {@code month}.
   *
   * @param name a facet's {@link #label()} in any case; surrounding white space is ignored
   * @return the facet of that name
   * @throws InvalidRequestException when no facet has that name (the message lists them)
   */
  public static Facet parse(String name) {
    for (Facet f : values()) {
      if (f.name().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new InvalidRequestException("unknown facet '" + name + "'; use "
        + Arrays.stream(values()).map(Facet::label).collect(Collectors.joining(", ")));
  }

  /**
   * The lower-case name used on the command line and in JSON.
   *
   * @return the constant's name in lower case, e.g. {@code month}; {@link #parse} accepts it
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
