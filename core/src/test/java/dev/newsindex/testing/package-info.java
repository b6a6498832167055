/**
 * What the tests of core and of the modules built on it share, published in core's test jar:
 * {@link dev.newsindex.testing.Fixtures} (articles in one line, the ids of a result, fixture files
 * from the class path) and {@link dev.newsindex.testing.NewsArchiveContract} (the {@link
 * dev.newsindex.NewsArchive} contract as tests a backend inherits).
 */
package dev.newsindex.testing;
