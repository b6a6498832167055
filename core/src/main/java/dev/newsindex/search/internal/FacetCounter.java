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
 * Counts hits per field value (source and the label fields) and per day from doc values while the
 * search runs: no stored article is read. Value counts are kept per segment ordinal and resolved to
 * values once per segment; spellings that differ only in case ({@code Tech}, {@code tech}) are one
 * bucket, as they are one term for filters, shown in the spelling most hits have. Days are counted in
 * an array indexed by epoch day, from which months and years are summed. The one doc-values
 * counter: a search's facets and an index's statistics ({@code index.IndexStatistics}, which counts
 * every article) both use it.
 */
public final class FacetCounter
    implements CollectorManager<FacetCounter.Counts, FacetCounter.Result> {
  /**
   * What the facet pass found.
   *
   * @param hits how many hits it saw: all of them, so an exact total even when the ranking stopped
   *     early (the buckets of a multi-valued field add up to more)
   * @param facets the counts, in the order asked for
   */
  public record Result(long hits, List<FacetResult> facets) {}

  private final List<Facet> facets;
  private final List<Facet> byValue;
  private final int valueLimit;

  /**
   * A counter of {@code facets}, in that order, keeping the {@code valueLimit} largest buckets of
   * each value facet.
   */
  public FacetCounter(List<Facet> facets, int valueLimit) {
    this.facets = facets;
    this.byValue = facets.stream().filter(Facet::byValue).toList();
    this.valueLimit = valueLimit;
  }

  @Override
  public Counts newCollector() {
    return new Counts(byValue, facets.stream().anyMatch(f -> !f.byValue()));
  }

  @Override
  public Result reduce(Collection<Counts> collectors) {
    DayCounts days = collectors.size() == 1 ? collectors.iterator().next().days : new DayCounts();
    long noDate = 0;
    long hits = 0;
    for (Counts c : collectors) {
      if (c.days != days) {
        days.addAll(c.days);
      }
      noDate += c.noDate;
      hits += c.hits;
    }
    List<FacetResult> out = new ArrayList<>(facets.size());
    for (Facet f : facets) {
      if (!f.byValue()) {
        out.add(new FacetResult(f, days.buckets(f), 0, noDate));
        continue;
      }
      int i = byValue.indexOf(f);
      Map<String, Long> values = new HashMap<>();
      long missing = 0;
      for (Counts c : collectors) {
        c.values.get(i).forEach((k, v) -> values.merge(k, v, Long::sum));
        missing += c.missing[i];
      }
      out.add(valueCounts(f, values, valueLimit, 0, missing));
    }
    return new Result(hits, out);
  }

  /**
   * The counts of a value facet from the hits per value as written: folded by case ({@link
   * #foldCase}), most first (ties by value), the first {@code limit} shown and the rest summed as
   * others. A local search and a cluster's both count so.
   *
   * @param facet the facet counted
   * @param values hits per value as written
   * @param limit the most values shown
   * @param othersUncounted hits of values not in {@code values} at all, added to the others
   * @param missing hits without a value
   * @return the facet's result
   */
  public static FacetResult valueCounts(Facet facet, Map<String, Long> values, int limit,
      long othersUncounted, long missing) {
    List<FacetCount> all = foldCase(values).stream()
        .sorted(Comparator.comparingLong(FacetCount::count).reversed()
            .thenComparing(FacetCount::value))
        .toList();
    List<FacetCount> top = all.subList(0, Math.min(limit, all.size()));
    long others = all.subList(top.size(), all.size()).stream()
        .mapToLong(FacetCount::count).sum();
    return new FacetResult(facet, top, others + othersUncounted, missing);
  }

  /**
   * One count per value as filters see it (case-insensitive), named by the spelling with the most
   * hits (ties: the first in order); {@code Tech 3, tech 1} is {@code Tech 4}. Also how a cluster's
   * counts of the values as written are folded (newsindex-opensearch), so that both count alike.
   *
   * @param counts hits per value as written
   * @return hits per value as filters see it, in no particular order
   */
  public static List<FacetCount> foldCase(Map<String, Long> counts) {
    Map<String, String> spelling = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    new TreeMap<>(counts).forEach((value, n) -> {
      String key = NewsSchema.keywordTerm(value);
      total.merge(key, n, Long::sum);
      String best = spelling.get(key);
      if (best == null || counts.get(best) < n) {
        spelling.put(key, value);
      }
    });
    List<FacetCount> out = new ArrayList<>(total.size());
    total.forEach((key, n) -> out.add(new FacetCount(spelling.get(key), n)));
    return out;
  }

  /** One collector per search slice. */
  public static final class Counts implements Collector {
    private final List<Facet> byValue;
    private final boolean byDate;
    final List<Map<String, Long>> values = new ArrayList<>();
    final long[] missing;
    final DayCounts days = new DayCounts();
    long noDate;
    long hits;

    Counts(List<Facet> byValue, boolean byDate) {
      this.byValue = byValue;
      this.byDate = byDate;
      this.missing = new long[byValue.size()];
      for (int i = 0; i < byValue.size(); i++) {
        values.add(new HashMap<>());
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      int n = byValue.size();
      SortedSetDocValues[] fields = new SortedSetDocValues[n];
      long[][] ordCounts = new long[n][];
      for (int i = 0; i < n; i++) {
        // A value facet's label is its field's name (Facet#byValue).
        fields[i] = DocValues.getSortedSet(context.reader(), byValue.get(i).label());
        ordCounts[i] = new long[(int) fields[i].getValueCount()];
      }
      NumericDocValues date = byDate
          ? DocValues.getNumeric(context.reader(), NewsSchema.DATE) : null;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          hits++;
          for (int i = 0; i < n; i++) {
            SortedSetDocValues field = fields[i];
            if (field.advanceExact(doc)) {
              for (int k = 0; k < field.docValueCount(); k++) {
                ordCounts[i][(int) field.nextOrd()]++;
              }
            } else {
              missing[i]++;
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
          for (int i = 0; i < n; i++) {
            long[] counts = ordCounts[i];
            for (int ord = 0; ord < counts.length; ord++) {
              if (counts[ord] > 0) {
                values.get(i).merge(fields[i].lookupOrd(ord).utf8ToString(), counts[ord],
                    Long::sum);
              }
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
