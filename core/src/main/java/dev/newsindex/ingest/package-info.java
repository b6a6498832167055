/**
 * Readers that turn news files into plain {@link dev.newsindex.Article} values, one reader per
 * format (MENAFN text, JSON Lines, TREC SGML), with no Lucene involved. Readers never throw for bad
 * content: each bad record is reported with its {@link dev.newsindex.ingest.Origin} (file, line) and
 * a one-line reason, and reading goes on. {@link dev.newsindex.ingest.Ingest} resolves files,
 * directories, glob patterns and standard input, decompresses gzip, and picks the reader by {@link
 * dev.newsindex.ingest.Format#detect} unless a format is forced.
 *
 * <p>The values of an ingest run live here too, beside the readers whose output they count: how a
 * run reads and commits ({@link dev.newsindex.ingest.IngestOptions}), what it hears as it goes
 * ({@link dev.newsindex.ingest.IngestListener}, {@link dev.newsindex.ingest.IngestProgress}, {@link
 * dev.newsindex.ingest.IndexOutcome}) and what it did ({@link dev.newsindex.ingest.IngestSummary}).
 * The run itself, which writes to Lucene, is internal ({@code dev.newsindex.index}).
 *
 * <p>Traps: the MENAFN feed has no headline (see {@link dev.newsindex.ingest.Titles}); dates are
 * parsed strictly, so {@code 0000-00-00} or {@code 2023-02-30} reject the record rather than index a
 * wrong date. Input is split into lines as bytes, with a length cap, before decoding: a single 100 MB
 * line must cost no more memory than the cap, and invalid UTF-8 spoils only its own line (or TREC
 * document). An I/O failure of the input (a truncated {@code .gz}) rejects the rest of that file
 * only; an I/O failure of the handler (the index) still ends the run.
 */
package dev.newsindex.ingest;
