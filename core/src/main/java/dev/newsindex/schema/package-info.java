/**
 * The field mapping: {@link dev.newsindex.schema.NewsSchema} is the only place that knows field
 * names, types and how an article becomes a Lucene document. The schema version and analyzer name go
 * into each commit's user data, so an index built differently is refused instead of searched wrongly.
 */
package dev.newsindex.schema;
