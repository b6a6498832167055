/**
 * newsindex on an OpenSearch cluster: {@link dev.newsindex.opensearch.OpenSearchArchive} searches,
 * pushes to, reads and deletes from an index made from {@link dev.newsindex.schema.NewsSchema}
 * with the library's own request and result values; {@link
 * dev.newsindex.opensearch.ClusterOptions} says where the cluster is and how to reach it.
 *
 * <p>The cluster must run the newsindex plugin (module {@code opensearch-plugin}): it analyses,
 * parses queries and highlights with newsindex-core itself, so results match a local index's.
 * This module holds the client side only, and keeps opensearch-java and its HTTP client out of
 * the core library.
 *
 * <p>Invariants: the index definition and each document are derived from NewsSchema's own Lucene
 * documents ({@link dev.newsindex.opensearch.ClusterSchema}), never written out a second time; a
 * query is parsed here first, by the same parser the shards run, so a syntax error is reported
 * with its position before anything is sent; credentials never appear in a message.
 */
package dev.newsindex.opensearch;
