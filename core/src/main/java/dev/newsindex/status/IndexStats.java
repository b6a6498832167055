package dev.newsindex.status;

import dev.newsindex.Compression;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an index holds, as of its last commit.
 *
 * @param articles live articles
 * @param deleted deleted or replaced articles still taking space until segments merge
 * @param segments index segments
 * @param sizeOnDisk bytes of the files the last commit uses
 * @param firstDate the earliest article date, or null when no article has a date
 * @param lastDate the latest article date, or null
 * @param undated live articles without a date
 * @param bySource live articles per source (as written), most first; articles without a source
 *     are counted under the empty string
 * @param schema the schema and analysis recorded in the commit, e.g. {@code 1/news-en-1}
 * @param generation the commit's generation (how many commits the index has seen)
 * @param compression how stored text is compressed
 */
public record IndexStats(long articles, long deleted, int segments, long sizeOnDisk,
    LocalDate firstDate, LocalDate lastDate, long undated, Map<String, Long> bySource,
    String schema, long generation, Compression compression) {}
