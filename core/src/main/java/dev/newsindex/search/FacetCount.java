package dev.newsindex.search;

/**
 * One bucket of a facet.
 *
 * @param value the bucket: a source name, or a date such as {@code 2023}, {@code 2023-11} or {@code
 *     2023-11-16}
 * @param count how many hits fall in it
 */
public record FacetCount(String value, long count) {}
