package dev.newsindex.search;

/**
 * An article's id and score in a ranking, without its stored fields or highlights: what evaluation
 * and bulk callers need.
 *
 * @param id the article id
 * @param score its BM25 score for the query
 */
public record Ranked(String id, float score) {}
