package dev.newsindex.index;

import dev.newsindex.IndexSettings;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.search.Facet;
import dev.newsindex.search.FacetCount;
import dev.newsindex.search.FacetResult;
import dev.newsindex.search.internal.FacetCounter;
import dev.newsindex.status.IndexStats;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.Directory;

/**
 * Reads an {@link IndexStats} from one point-in-time searcher: the counts from its reader, the
 * sources and dates from doc values by the same {@link FacetCounter} that counts a search's facets
 * (over every live article here), and the size, schema and compression from the commit it reads.
 */
public final class IndexStatistics {
  private IndexStatistics() {}

  /**
   * The statistics of what {@code searcher} reads, a {@link DirectoryReader} of {@code directory}.
   */
  public static IndexStats of(IndexSearcher searcher, Directory directory) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    IndexCommit commit = reader.getIndexCommit();
    SegmentInfos infos = commit == null ? SegmentInfos.readLatestCommit(directory)
        : SegmentInfos.readCommit(directory, commit.getSegmentsFileName());
    long size = 0;
    for (String file : commit.getFileNames()) {
      size += directory.fileLength(file);
    }
    List<FacetResult> counted = searcher.search(MatchAllDocsQuery.INSTANCE,
        new FacetCounter(List.of(Facet.SOURCE, Facet.DAY), Integer.MAX_VALUE));
    FacetResult sources = counted.get(0);
    FacetResult days = counted.get(1);
    List<FacetCount> bySource = new ArrayList<>(sources.counts());
    if (sources.missing() > 0) {
      bySource.add(new FacetCount("", sources.missing())); // articles without a source
    }
    bySource.sort(Comparator.comparingLong(FacetCount::count).reversed()
        .thenComparing(FacetCount::value));
    Map<String, Long> ordered = new LinkedHashMap<>();
    bySource.forEach(c -> ordered.put(c.value(), c.count()));
    List<FacetCount> dated = days.counts();
    return new IndexStats(reader.numDocs(), reader.numDeletedDocs(), infos.size(), size,
        dated.isEmpty() ? null : LocalDate.parse(dated.get(0).value()),
        dated.isEmpty() ? null : LocalDate.parse(dated.get(dated.size() - 1).value()),
        days.missing(), Collections.unmodifiableMap(ordered),
        NewsSchema.describe(infos.getUserData()), infos.getGeneration(),
        IndexSettings.fromCommitData(infos.getUserData()).compression());
  }
}
