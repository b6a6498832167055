package dev.newsindex.ingest;

import java.io.InputStream;
import java.util.Objects;

/**
 * How an ingest run reads and commits. Start from {@link #defaults()} and change what you need with
 * the {@code with...} methods; each returns new options. (A final class rather than a record, so
 * that an option can be added without breaking callers.)
 */
public final class IngestOptions {

  /** The default number of articles between commits. */
  public static final long DEFAULT_COMMIT_ARTICLES = 100_000;
  /** The default number of input bytes between commits (256 MiB). */
  public static final long DEFAULT_COMMIT_BYTES = 256L << 20;

  private final Format format;
  private final int threads;
  private final long commitEveryArticles;
  private final long commitEveryBytes;
  private final InputStream stdin;

  /** Checks the values. */
  private IngestOptions(Format format, int threads, long commitEveryArticles,
      long commitEveryBytes, InputStream stdin) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (commitEveryArticles < 1 || commitEveryBytes < 1) {
      throw new IllegalArgumentException("commit intervals must be positive");
    }
    this.format = format;
    this.threads = threads;
    this.commitEveryArticles = commitEveryArticles;
    this.commitEveryBytes = commitEveryBytes;
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  /**
   * Formats detected per file, one indexing thread per processor, a commit every {@value
   * #DEFAULT_COMMIT_ARTICLES} articles or 256 MiB of input, {@code -} reading {@link System#in}.
   *
   * @return the default options
   */
  public static IngestOptions defaults() {
    return new IngestOptions(null, Runtime.getRuntime().availableProcessors(),
        DEFAULT_COMMIT_ARTICLES, DEFAULT_COMMIT_BYTES, System.in);
  }

  /**
   * The format of every input.
   *
   * @return the format, or null to recognise each file's format by its name and content
   */
  public Format format() {
    return format;
  }

  /**
   * How many threads index articles at once (reading and parsing happen on the calling thread).
   *
   * @return at least 1; 1 indexes on the calling thread
   */
  public int threads() {
    return threads;
  }

  /**
   * The most articles between commits (bounds what a crash loses).
   *
   * @return at least 1
   */
  public long commitEveryArticles() {
    return commitEveryArticles;
  }

  /**
   * About the most input bytes between commits.
   *
   * @return at least 1
   */
  public long commitEveryBytes() {
    return commitEveryBytes;
  }

  /**
   * What the input {@code -} reads.
   *
   * @return the stream, never null; not closed by the run
   */
  public InputStream stdin() {
    return stdin;
  }

  /**
   * These options with every input read as {@code format} (null: detect).
   *
   * @param format the format of every input, or null to recognise each file's format
   * @return a copy of these options with {@code format}
   */
  public IngestOptions withFormat(Format format) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin);
  }

  /**
   * These options with {@code threads} indexing threads.
   *
   * @param threads how many threads index articles at once, at least 1
   * @return a copy of these options with {@code threads}
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public IngestOptions withThreads(int threads) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin);
  }

  /**
   * These options committing every {@code articles} articles or {@code bytes} bytes of input.
   *
   * @param articles the most articles between commits, at least 1
   * @param bytes about the most input bytes between commits, at least 1
   * @return a copy of these options committing at whichever interval is reached first
   * @throws IllegalArgumentException when either interval is below 1
   */
  public IngestOptions withCommitEvery(long articles, long bytes) {
    return new IngestOptions(format, threads, articles, bytes, stdin);
  }

  /**
   * These options with {@code -} reading {@code stdin}.
   *
   * @param stdin the stream the input {@code -} reads; not closed by the run, never null
   * @return a copy of these options with {@code stdin}
   */
  public IngestOptions withStdin(InputStream stdin) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IngestOptions x && format == x.format && threads == x.threads
        && commitEveryArticles == x.commitEveryArticles && commitEveryBytes == x.commitEveryBytes
        && stdin == x.stdin;
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, threads, commitEveryArticles, commitEveryBytes,
        System.identityHashCode(stdin));
  }

  @Override
  public String toString() {
    return "IngestOptions[format=" + format + ", threads=" + threads + ", commitEveryArticles="
        + commitEveryArticles + ", commitEveryBytes=" + commitEveryBytes + ", stdin=" + stdin + "]";
  }
}
