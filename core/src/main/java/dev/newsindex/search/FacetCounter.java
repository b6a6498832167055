package dev.newsindex.search;

import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts hits per source and per day from doc values while the search runs: no stored article is
 * read. Source counts are kept per segment ordinal and resolved to names once per segment; days
 * are counted in an array indexed by epoch day, from which months and years are summed.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, List<FacetResult>> {
  private final List<Facet> facets;
  private final int sourceLimit;

  FacetCounter(List<Facet> facets, int sourceLimit) {
    this.facets = facets;
    this.sourceLimit = sourceLimit;
  }

  @Override
  public Counts newCollector() {
    return new Counts(facets.contains(Facet.SOURCE),
        facets.stream().anyMatch(f -> f != Facet.SOURCE));
  }

  @Override
  public List<FacetResult> reduce(Collection<Counts> collectors) {
    Map<String, Long> sources = new HashMap<>();
    DayCounts days = new DayCounts();
    long noSource = 0;
    long noDate = 0;
    for (Counts c : collectors) {
      c.sources.forEach((k, v) -> sources.merge(k, v, Long::sum));
      days.addAll(c.days);
      noSource += c.noSource;
      noDate += c.noDate;
    }
    List<FacetResult> out = new ArrayList<>(facets.size());
    for (Facet f : facets) {
      if (f == Facet.SOURCE) {
        List<FacetCount> all = sources.entrySet().stream()
            .map(e -> new FacetCount(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingLong(FacetCount::count).reversed()
                .thenComparing(FacetCount::value))
            .toList();
        List<FacetCount> top = all.subList(0, Math.min(sourceLimit, all.size()));
        long others = all.subList(top.size(), all.size()).stream()
            .mapToLong(FacetCount::count).sum();
        out.add(new FacetResult(f, top, others, noSource));
      } else {
        out.add(new FacetResult(f, days.buckets(f), 0, noDate));
      }
    }
    return out;
  }

  /** One collector per search slice. */
  static final class Counts implements Collector {
    private final boolean bySource;
    private final boolean byDate;
    final Map<String, Long> sources = new HashMap<>();
    final DayCounts days = new DayCounts();
    long noSource;
    long noDate;

    Counts(boolean bySource, boolean byDate) {
      this.bySource = bySource;
      this.byDate = byDate;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues source = bySource
          ? DocValues.getSortedSet(context.reader(), NewsSchema.SOURCE) : null;
      NumericDocValues date = byDate
          ? DocValues.getNumeric(context.reader(), NewsSchema.DATE) : null;
      long[] ordCounts = bySource ? new long[(int) source.getValueCount()] : null;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (source != null) {
            if (source.advanceExact(doc)) {
              for (int i = 0; i < source.docValueCount(); i++) {
                ordCounts[(int) source.nextOrd()]++;
              }
            } else {
              noSource++;
            }
          }
          if (date != null) {
            if (date.advanceExact(doc)) {
              days.add(date.longValue(), 1);
            } else {
              noDate++;
            }
          }
        }

        @Override
        public void finish() throws IOException {
          if (ordCounts == null) {
            return;
          }
          for (int ord = 0; ord < ordCounts.length; ord++) {
            if (ordCounts[ord] > 0) {
              sources.merge(source.lookupOrd(ord).utf8ToString(), ordCounts[ord], Long::sum);
            }
          }
        }
      };
    }
  }

  /** Hit counts per epoch day: a dense array over the days seen, grown as needed. */
  static final class DayCounts {
    private long base;
    private long[] counts = new long[0];

    void add(long day, long n) {
      if (counts.length == 0) {
        base = day - 4096;
        counts = new long[8192];
      }
      if (day < base || day >= base + counts.length) {
        long lo = Math.min(base, day);
        long hi = Math.max(base + counts.length, day + 1);
        long size = Math.max(hi - lo, counts.length * 2L);
        if (size > 1 << 24) {
          throw new IllegalStateException("dates span too wide to count: " + lo + ".." + hi);
        }
        long[] grown = new long[(int) size];
        System.arraycopy(counts, 0, grown, (int) (base - lo), counts.length);
        counts = grown;
        base = lo;
      }
      counts[(int) (day - base)] += n;
    }

    void addAll(DayCounts other) {
      for (int i = 0; i < other.counts.length; i++) {
        if (other.counts[i] != 0) {
          add(other.base + i, other.counts[i]);
        }
      }
    }

    List<FacetCount> buckets(Facet f) {
      TreeMap<String, Long> buckets = new TreeMap<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          continue;
        }
        LocalDate d = LocalDate.ofEpochDay(base + i);
        String key = switch (f) {
          case YEAR -> String.format(java.util.Locale.ROOT, "%04d", d.getYear());
          case MONTH -> String.format(java.util.Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
          default -> d.toString();
        };
        buckets.merge(key, counts[i], Long::sum);
      }
      return buckets.entrySet().stream().map(e -> new FacetCount(e.getKey(), e.getValue()))
          .toList();
    }
  }
}
