package dev.newsindex.ingest;

import dev.newsindex.InvalidRequestException;
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
  private final String idPrefix;

  /** Checks the values. */
  private IngestOptions(Format format, int threads, long commitEveryArticles,
      long commitEveryBytes, InputStream stdin, String idPrefix) {
    if (threads < 1) {
      throw new InvalidRequestException("threads must be at least 1, not " + threads);
    }
    if (commitEveryArticles < 1 || commitEveryBytes < 1) {
      throw new InvalidRequestException("commit intervals must be positive");
    }
    this.format = format;
    this.threads = threads;
    this.commitEveryArticles = commitEveryArticles;
    this.commitEveryBytes = commitEveryBytes;
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
  }

  /**
   * Formats detected per file, one indexing thread per processor, a commit every {@value
   * #DEFAULT_COMMIT_ARTICLES} articles or 256 MiB of input, {@code -} reading {@link System#in}.
   *
   * @return the default options
   */
  public static IngestOptions defaults() {
    return new IngestOptions(null, Runtime.getRuntime().availableProcessors(),
        DEFAULT_COMMIT_ARTICLES, DEFAULT_COMMIT_BYTES, System.in, "");
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
   * What is put before every article's id as read, so that two feeds whose ids collide (both
   * numbering from 1) can share an index.
   *
   * @return the prefix, empty for none
   */
  public String idPrefix() {
    return idPrefix;
  }

  /**
   * These options with {@code prefix} put before every id read, e.g. {@code reuters:}.
   *
   * @param prefix the prefix, empty for none; never null
   * @return a copy of these options with {@code prefix}
   */
  public IngestOptions withIdPrefix(String prefix) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        prefix);
  }

  /**
   * These options with every input read as {@code format} (null: detect).
   *
   * @param format the format of every input, or null to recognise each file's format
   * @return a copy of these options with {@code format}
   */
  public IngestOptions withFormat(Format format) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        idPrefix);
  }

  /**
   * These options with {@code threads} indexing threads.
   *
   * @param threads how many threads index articles at once, at least 1
   * @return a copy of these options with {@code threads}
   * @throws InvalidRequestException when {@code threads} is below 1
   */
  public IngestOptions withThreads(int threads) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        idPrefix);
  }

  /**
   * These options committing every {@code articles} articles or {@code bytes} bytes of input.
   *
   * @param articles the most articles between commits, at least 1
   * @param bytes about the most input bytes between commits, at least 1
   * @return a copy of these options committing at whichever interval is reached first
   * @throws InvalidRequestException when either interval is below 1
   */
  public IngestOptions withCommitEvery(long articles, long bytes) {
    return new IngestOptions(format, threads, articles, bytes, stdin, idPrefix);
  }

  /**
   * These options with {@code -} reading {@code stdin}.
   *
   * @param stdin the stream the input {@code -} reads; not closed by the run, never null
   * @return a copy of these options with {@code stdin}
   */
  public IngestOptions withStdin(InputStream stdin) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        idPrefix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IngestOptions x && format == x.format && threads == x.threads
        && commitEveryArticles == x.commitEveryArticles && commitEveryBytes == x.commitEveryBytes
        && stdin == x.stdin && idPrefix.equals(x.idPrefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, threads, commitEveryArticles, commitEveryBytes,
        System.identityHashCode(stdin), idPrefix);
  }

  @Override
  public String toString() {
    return "IngestOptions[format=" + format + ", threads=" + threads + ", commitEveryArticles="
        + commitEveryArticles + ", commitEveryBytes=" + commitEveryBytes + ", stdin=" + stdin + ", idPrefix=" + idPrefix + "]";
  }
}
