/**
 * The newsindex OpenSearch plugin: newsindex's analysis, query syntax and highlighting inside a
 * cluster, registered by {@link dev.newsindex.opensearch.plugin.NewsIndexPlugin} under the names
 * in {@link dev.newsindex.opensearch.plugin.Names}.
 *
 * <p>Every part is an adapter over newsindex-core, bundled in the plugin zip: the cluster runs the
 * same code as a local index, on the Lucene inside OpenSearch (10.5.0 for OpenSearch 3.8.0), so
 * core's analysis must use only APIs that version has; the plugin module compiles and tests
 * against it. Nothing else is bundled: Lucene and Jackson are the cluster's own.
 *
 * <p>Traps: the highlighter reads the text shown (a document's {@value
 * dev.newsindex.opensearch.plugin.Names#STORED} values first), not the indexed one, as a local
 * search shows a title derived from the body though it indexes none.
 */
package dev.newsindex.opensearch.plugin;
