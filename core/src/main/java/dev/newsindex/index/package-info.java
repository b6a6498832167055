/**
 * Writing to an index: upserts by article id, with unchanged articles detected by a content hash
 * in doc values so re-indexing the same files writes nothing.
 */
package dev.newsindex.index;
