/**
 * Text analysis for English news. {@link dev.newsindex.analysis.NewsAnalyzer} is used at index and
 * at query time; highlighting relies on the offsets it produces, so any filter added here must keep
 * offsets correct (the tests check them with Lucene's {@code BaseTokenStreamTestCase}).
 */
package dev.newsindex.analysis;
