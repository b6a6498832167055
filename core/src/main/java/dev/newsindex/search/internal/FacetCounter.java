package dev.newsindex.search.internal;

import dev.newsindex.search.Facet;
import dev.newsindex.search.FacetCount;
import dev.newsindex.search.FacetResult;
import dev.newsindex.search.Hit;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * are counted in an array indexed by epoch day, from which months and years are summed. The one
 * doc-values counter: a search's facets and an index's statistics ({@code index.IndexStatistics},
 * which counts every article) both use it.
 */
public final class FacetCounter
    implements CollectorManager<FacetCounter.Counts, List<FacetResult>> {
  private final List<Facet> facets;
  private final int sourceLimit;

  /**
   * A counter of {@code facets}, in that order, keeping the {@code sourceLimit} largest sources.
   */
  public FacetCounter(List<Facet> facets, int sourceLimit) {
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
    DayCounts days = collectors.size() == 1 ? collectors.iterator().next().days : new DayCounts();
    long noSource = 0;
    long noDate = 0;
    for (Counts c : collectors) {
      c.sources.forEach((k, v) -> sources.merge(k, v, Long::sum));
      if (c.days != days) {
        days.addAll(c.days);
      }
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
  public static final class Counts implements Collector {
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

  /**
   * Hit counts per epoch day: a dense array for 1900 to 2099 (allocated at the first count), a map
   * for any other day.
   */
  static final class DayCounts {
    private static final long BASE = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(2100, 1, 1).toEpochDay() - BASE);
    private int[] dense;
    private final Map<Long, Long> sparse = new HashMap<>();

    void add(long day, long n) {
      long i = day - BASE;
      if (i >= 0 && i < DAYS) {
        if (dense == null) {
          dense = new int[DAYS];
        }
        dense[(int) i] += (int) n;
      } else {
        sparse.merge(day, n, Long::sum);
      }
    }

    void addAll(DayCounts other) {
      if (other.dense != null) {
        for (int i = 0; i < DAYS; i++) {
          if (other.dense[i] != 0) {
            add(BASE + i, other.dense[i]);
          }
        }
      }
      other.sparse.forEach(this::add);
    }

    /** The buckets of {@code f} in date order; each bucket's label is formatted once. */
    List<FacetCount> buckets(Facet f) {
      TreeMap<Long, Long> byKey = new TreeMap<>();
      if (dense != null) {
        int i = 0;
        while (i < DAYS) {
          if (dense[i] == 0) {
            i++;
            continue;
          }
          LocalDate d = LocalDate.ofEpochDay(BASE + i);
          // Sum the whole bucket (day, month or year) in one go from its first counted day.
          LocalDate next = switch (f) {
            case YEAR -> d.withDayOfYear(1).plusYears(1);
            case MONTH -> d.withDayOfMonth(1).plusMonths(1);
            default -> d.plusDays(1);
          };
          int end = (int) Math.min(DAYS, next.toEpochDay() - BASE);
          long sum = 0;
          for (; i < end; i++) {
            sum += dense[i];
          }
          byKey.merge(key(f, d), sum, Long::sum);
        }
      }
      sparse.forEach((day, n) -> byKey.merge(key(f, LocalDate.ofEpochDay(day)), n, Long::sum));
      List<FacetCount> out = new ArrayList<>(byKey.size());
      byKey.forEach((k, n) -> out.add(new FacetCount(label(f, k), n)));
      return out;
    }

    private static long key(Facet f, LocalDate d) {
      return switch (f) {
        case YEAR -> d.getYear();
        case MONTH -> d.getYear() * 100L + d.getMonthValue();
        default -> d.toEpochDay();
      };
    }

    private static String label(Facet f, long key) {
      return switch (f) {
        case YEAR -> String.format(Locale.ROOT, "%04d", key);
        case MONTH -> String.format(Locale.ROOT, "%04d-%02d", key / 100, key % 100);
        default -> LocalDate.ofEpochDay(key).toString();
      };
    }
  }
}
