package dev.newsindex.index;

import dev.newsindex.Article;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.schema.NewsSchema;
import dev.newsindex.ingest.IndexOutcome;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestProgress;
import dev.newsindex.ingest.IngestStoppedException;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.ingest.ArticleHandler;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.Origin;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One ingest run: reads the sources on the calling thread and hands each article to one of
 * {@link IngestOptions#threads()} indexing threads, which analyse and write concurrently. An
 * article goes to the thread chosen by its id, so versions of one id are written in input order.
 * Every {@link IngestOptions#commitEveryArticles()} articles or {@link
 * IngestOptions#commitEveryBytes()} bytes of input the {@code interval} action runs (a commit, or a
 * checkpoint for a rebuild); the caller does the final commit.
 */
public final class IngestJob {
  private static final int BATCH = 64;
  private static final long PROGRESS_NANOS = 100_000_000L;
  private static final List<Item> POISON = List.of();

  /** What the job does at each interval: commit, or checkpoint. */
  @FunctionalInterface
  public interface IntervalAction {
    /** Runs the action; returns {@link ArticleWriter#handled()} as of it. */
    long run() throws IOException;
  }

  private record Item(Article article, Origin origin) {}

  private final ArticleWriter writer;
  private final IngestOptions options;
  private final IngestListener listener;
  private final IngestListener asked;
  private final IntervalAction interval;
  private final boolean commits;
  private final LongAdder[] outcomes = new LongAdder[IndexOutcome.values().length];
  private final LongAdder skipped = new LongAdder();
  private final LongAdder otherSource = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private long started;
  private long lastProgress;
  private long totalBytes;
  private long dispatchedSinceInterval;
  private long bytesAtInterval;
  private long handledAtStart;

  private IngestJob(ArticleWriter writer, IngestOptions options, IngestListener listener,
      IntervalAction interval, boolean commits) {
    this.writer = writer;
    this.options = options;
    this.listener = new SerialListener(listener);
    this.asked = listener;
    this.interval = interval;
    this.commits = commits;
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = new LongAdder();
    }
  }

  /**
   * Reads {@code sources} into {@code writer}, running {@code interval} at the bounded intervals;
   * {@code commits} says whether that action commits (so the listener hears of it).
   */
  public static IngestSummary run(ArticleWriter writer, List<Ingest.Source> sources,
      IngestOptions options, IngestListener listener, IntervalAction interval, boolean commits)
      throws IOException {
    return new IngestJob(writer, options, listener, interval, commits).run(sources);
  }

  /** {@code run}'s counts with the time elapsed since {@code startedNanos} ({@link System#nanoTime}). */
  public static IngestSummary timed(IngestSummary run, long startedNanos) {
    return new IngestSummary(run.indexed(), run.updated(), run.unchanged(), run.skipped(),
        Duration.ofNanos(System.nanoTime() - startedNanos), run.bytesRead(),
        run.replacedFromOtherSource());
  }

  private IngestSummary run(List<Ingest.Source> sources) throws IOException {
    started = System.nanoTime();
    handledAtStart = writer.handled();
    totalBytes = Ingest.totalBytes(sources);
    int threads = options.threads();
    List<BlockingQueue<List<Item>>> queues = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    if (threads > 1) {
      for (int i = 0; i < threads; i++) {
        BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(8);
        queues.add(queue);
        Thread t = new Thread(() -> work(queue), "newsindex-indexer-" + i);
        t.setDaemon(true);
        workers.add(t);
        t.start();
      }
    }
    Dispatcher dispatcher = new Dispatcher(queues);
    boolean stopped = false;
    try {
      try {
        Ingest.read(sources, options.format(), options.stdin(), dispatcher);
      } catch (Stop s) {
        stopped = true;
      }
      dispatcher.flush();
    } finally {
      stop(queues, workers);
    }
    rethrowFailure();
    listener.progress(progress());
    if (stopped) {
      // Everything read has been written by now (the workers drained their queues).
      throw new IngestStoppedException(summary().articles() + skipped.sum(), 0);
    }
    return summary();
  }

  /** What the run has done so far (the caller's final commit is not included in the time). */
  private IngestSummary summary() {
    return new IngestSummary(outcomes[IndexOutcome.INDEXED.ordinal()].sum(),
        outcomes[IndexOutcome.UPDATED.ordinal()].sum(),
        outcomes[IndexOutcome.UNCHANGED.ordinal()].sum(), skipped.sum(),
        Duration.ofNanos(System.nanoTime() - started), bytes.sum(), otherSource.sum());
  }

  private IngestProgress progress() {
    long written = 0;
    for (LongAdder a : outcomes) {
      written += a.sum();
    }
    return new IngestProgress(written, skipped.sum(), bytes.sum(), totalBytes,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void work(BlockingQueue<List<Item>> queue) {
    try {
      while (true) {
        List<Item> batch = queue.take();
        if (batch == POISON) {
          return;
        }
        if (failure.get() != null) {
          continue; // drain until told to stop
        }
        try {
          for (Item item : batch) {
            write(item.article(), item.origin());
          }
        } catch (IOException | RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, e);
    }
  }

  private void write(Article article, Origin origin) throws IOException {
    IndexOutcome outcome = writer.upsert(article, previous -> {
      otherSource.increment();
      listener.replacedOtherSource(origin, article.id(), previous, article.source());
    });
    outcomes[outcome.ordinal()].increment();
    listener.written(origin, article.id(), outcome);
  }

  private void stop(List<BlockingQueue<List<Item>>> queues, List<Thread> workers)
      throws InterruptedIOException {
    try {
      for (BlockingQueue<List<Item>> q : queues) {
        q.put(POISON);
      }
      for (Thread t : workers) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new InterruptedIOException("interrupted while indexing");
  }

  /** Receives what the readers find, on the reading thread, and passes articles to the workers. */
  private final class Dispatcher implements ArticleHandler {
    private final List<BlockingQueue<List<Item>>> queues;
    private final List<List<Item>> batches = new ArrayList<>();

    Dispatcher(List<BlockingQueue<List<Item>>> queues) {
      this.queues = queues;
      for (int i = 0; i < queues.size(); i++) {
        batches.add(new ArrayList<>(BATCH));
      }
    }

    @Override
    public void article(Article read, Origin origin) throws IOException {
      if (asked.stopRequested()) {
        throw new Stop();
      }
      Article article = options.idPrefix().isEmpty() ? read
          : read.toBuilder().id(options.idPrefix() + read.id()).build();
      try {
        NewsSchema.checkLimits(article);
      } catch (InvalidRequestException e) {
        // Here, on the reading thread, rather than failing the writer (and the run) later.
        rejected(origin, e.getMessage());
        return;
      }
      if (queues.isEmpty()) {
        write(article, origin);
      } else {
        int i = (article.id().hashCode() & 0x7fffffff) % queues.size();
        List<Item> batch = batches.get(i);
        batch.add(new Item(article, origin));
        if (batch.size() >= BATCH) {
          send(i);
        }
      }
      dispatchedSinceInterval++;
      afterEach();
    }

    @Override
    public void rejected(Origin origin, String reason) {
      skipped.increment();
      listener.skipped(origin, reason);
    }

    @Override
    public void bytesRead(long count) {
      bytes.add(count);
    }

    private void afterEach() throws IOException {
      rethrowFailure();
      if (dispatchedSinceInterval >= options.commitEveryArticles()
          || bytes.sum() - bytesAtInterval >= options.commitEveryBytes()) {
        flush();
        awaitQueues();
        long handled = interval.run();
        if (commits) {
          listener.committed(handled - handledAtStart);
        }
        dispatchedSinceInterval = 0;
        bytesAtInterval = bytes.sum();
      }
      long now = System.nanoTime();
      if (now - lastProgress >= PROGRESS_NANOS) {
        lastProgress = now;
        listener.progress(progress());
      }
    }

    /** Waits until the workers have taken every batch, so the interval covers what was read. */
    private void awaitQueues() throws IOException {
      try {
        for (BlockingQueue<List<Item>> q : queues) {
          while (!q.isEmpty()) {
            rethrowFailure();
            TimeUnit.MILLISECONDS.sleep(1);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while indexing");
      }
    }

    void flush() throws IOException {
      for (int i = 0; i < batches.size(); i++) {
        if (!batches.get(i).isEmpty()) {
          send(i);
        }
      }
    }

    private void send(int i) throws IOException {
      List<Item> batch = batches.get(i);
      batches.set(i, new ArrayList<>(BATCH));
      try {
        while (!queues.get(i).offer(batch, 100, TimeUnit.MILLISECONDS)) {
          rethrowFailure();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while indexing");
      }
    }
  }

  /**
   * Unwinds the readers when the listener asks the run to stop; readers catch only their own
   * rejection type, so it reaches {@link #run(List)}.
   */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super("stop requested", null, false, false);
    }
  }

  /** Passes calls on one at a time, so listeners need not be thread-safe. */
  private static final class SerialListener implements IngestListener {
    private final IngestListener target;

    SerialListener(IngestListener target) {
      this.target = target;
    }

    @Override
    public synchronized void written(Origin origin, String id, IndexOutcome outcome) {
      target.written(origin, id, outcome);
    }

    @Override
    public synchronized void replacedOtherSource(Origin origin, String id, String previousSource,
        String source) {
      target.replacedOtherSource(origin, id, previousSource, source);
    }

    @Override
    public synchronized void skipped(Origin origin, String reason) {
      target.skipped(origin, reason);
    }

    @Override
    public synchronized void progress(IngestProgress progress) {
      target.progress(progress);
    }

    @Override
    public synchronized void committed(long articles) {
      target.committed(articles);
    }
  }
}
