/**
 * Readers that turn news files into plain {@link dev.newsindex.Article} values, one reader per
 * format, with no Lucene involved. Readers never throw for bad content: each bad record is reported
 * with its {@link dev.newsindex.ingest.Origin} (file, line) and a one-line reason, and reading goes
 * on. {@link dev.newsindex.ingest.Ingest} walks files and directories and picks the reader by {@link
 * dev.newsindex.ingest.Format#detect}.
 *
 * <p>Traps: the MENAFN feed has no headline (see {@link dev.newsindex.ingest.Titles}); dates are
 * parsed strictly, so {@code 0000-00-00} or {@code 2023-02-30} reject the record rather than index a
 * wrong date.
 */
package dev.newsindex.ingest;
