package dev.newsindex.search;

import dev.newsindex.InvalidRequestException;

/** A way of counting the hits of a search, read from doc values rather than stored articles. */
public enum Facet {
  /** Hits per source, most first. */
  SOURCE,
  /** Hits per year ({@code 2023}), in date order. */
  YEAR,
  /** Hits per month ({@code 2023-11}), in date order. */
  MONTH,
  /** Hits per day ({@code 2023-11-16}), in date order. */
  DAY;

  /**
   * The facet named {@code name} (any case), e.g. {@code source} or {@code month}.
   *
   * @param name {@code source}, {@code year}, {@code month} or {@code day}, in any case;
   *     surrounding white space is ignored
   * @return the facet of that name
   * @throws InvalidRequestException when no facet has that name
   */
  public static Facet parse(String name) {
    for (Facet f : values()) {
      if (f.name().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new InvalidRequestException("unknown facet '" + name
        + "'; use source, year, month or day");
  }

  /**
   * The lower-case name used on the command line and in JSON.
   *
   * @return the constant's name in lower case, e.g. {@code month}; {@link #parse} accepts it
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
