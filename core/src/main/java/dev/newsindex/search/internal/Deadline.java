package dev.newsindex.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.index.LeafReaderContext;

/**
 * A time limit on collection: wraps a collector manager so that, once the deadline has passed, the
 * current segment stops (every {@value #CHECK_EVERY} collected documents the clock is read) and
 * later segments are skipped; what was collected so far is reduced as usual.
 *
 * <p>Why not {@link org.apache.lucene.search.IndexSearcher#setTimeout}: it scores in small windows,
 * which defeats the skipping of top-k scoring (WAND/MaxScore) and made plain term queries several
 * times slower in {@code SearchBench}. Queries that collect few documents are fast anyway; the slow
 * ones collect many, so the clock is read often enough.
 */
final class Deadline<C extends Collector, T> implements CollectorManager<Deadline.Limited<C>, T> {
  static final int CHECK_EVERY = 1024;

  private final CollectorManager<C, T> inner;
  private final long deadlineNanos;
  private final AtomicBoolean expired = new AtomicBoolean();
  private final java.util.function.LongSupplier clock;

  Deadline(CollectorManager<C, T> inner, long deadlineNanos, java.util.function.LongSupplier clock) {
    this.inner = inner;
    this.deadlineNanos = deadlineNanos;
    this.clock = clock;
  }

  /** Whether collection stopped at the deadline. */
  boolean expired() {
    return expired.get();
  }

  private boolean check() {
    if (expired.get() || clock.getAsLong() - deadlineNanos > 0) {
      expired.set(true);
      return true;
    }
    return false;
  }

  @Override
  public Limited<C> newCollector() throws IOException {
    return new Limited<>(inner.newCollector(), this);
  }

  @Override
  public T reduce(Collection<Limited<C>> collectors) throws IOException {
    List<C> in = new ArrayList<>(collectors.size());
    for (Limited<C> c : collectors) {
      in.add(c.in);
    }
    return inner.reduce(in);
  }

  /** One time-limited collector. */
  static final class Limited<C extends Collector> implements Collector {
    final C in;
    private final Deadline<C, ?> deadline;

    Limited(C in, Deadline<C, ?> deadline) {
      this.in = in;
      this.deadline = deadline;
    }

    @Override
    public ScoreMode scoreMode() {
      return in.scoreMode();
    }

    @Override
    public void setWeight(org.apache.lucene.search.Weight weight) {
      in.setWeight(weight);
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (deadline.check()) {
        throw new CollectionTerminatedException();
      }
      LeafCollector leaf = in.getLeafCollector(context);
      return new LeafCollector() {
        private int count;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          leaf.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          leaf.collect(doc);
          if (++count % CHECK_EVERY == 0 && deadline.check()) {
            throw new CollectionTerminatedException();
          }
        }

        @Override
        public void collect(DocIdStream stream) throws IOException {
          leaf.collect(stream);
          if (deadline.check()) {
            throw new CollectionTerminatedException();
          }
        }

        @Override
        public DocIdSetIterator competitiveIterator() throws IOException {
          return leaf.competitiveIterator();
        }

        @Override
        public void finish() throws IOException {
          leaf.finish();
        }
      };
    }
  }
}
