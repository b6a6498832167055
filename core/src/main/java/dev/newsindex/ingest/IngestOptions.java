package dev.newsindex.ingest;

import dev.newsindex.Compression;
import dev.newsindex.NewsIndex;
import java.io.InputStream;
import java.util.Objects;

/**
 * How an ingest run reads and commits. Start from {@link #defaults()} and change what you need.
 *
 * @param format the format of every input, or null to recognise each file's format by its name and
 *     content
 * @param threads how many threads index articles at once (reading and parsing happen on the calling
 *     thread); 1 indexes on the calling thread
 * @param commitEveryArticles commit after at most this many articles (bounds what a crash loses)
 * @param commitEveryBytes commit after at most about this many bytes of input
 * @param stdin what the input {@code -} reads
 * @param compression for {@link NewsIndex#rebuild}: how the new index compresses stored text, or
 *     null to keep the old index's ({@link Compression#FAST} for a new one); an ingest into an
 *     existing index keeps the index's own
 */
public record IngestOptions(Format format, int threads, long commitEveryArticles,
    long commitEveryBytes, InputStream stdin, Compression compression) {

  /** The default number of articles between commits. */
  public static final long DEFAULT_COMMIT_ARTICLES = 100_000;
  /** The default number of input bytes between commits (256 MiB). */
  public static final long DEFAULT_COMMIT_BYTES = 256L << 20;

  /** Checks the values. */
  public IngestOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (commitEveryArticles < 1 || commitEveryBytes < 1) {
      throw new IllegalArgumentException("commit intervals must be positive");
    }
    Objects.requireNonNull(stdin, "stdin");
  }

  /**
   * Formats detected per file, one indexing thread per processor, a commit every {@value
   * #DEFAULT_COMMIT_ARTICLES} articles or 256 MiB of input, {@code -} reading {@link System#in}.
   *
   * @return the default options, with compression null (a rebuild keeps the old index's)
   */
  public static IngestOptions defaults() {
    return new IngestOptions(null, Runtime.getRuntime().availableProcessors(),
        DEFAULT_COMMIT_ARTICLES, DEFAULT_COMMIT_BYTES, System.in, null);
  }

  /**
   * These options with every input read as {@code format} (null: detect).
   *
   * @param format the format of every input, or null to recognise each file's format
   * @return a copy of these options with {@code format}
   */
  public IngestOptions withFormat(Format format) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        compression);
  }

  /**
   * These options with {@code threads} indexing threads.
   *
   * @param threads how many threads index articles at once, at least 1
   * @return a copy of these options with {@code threads}
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public IngestOptions withThreads(int threads) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        compression);
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
    return new IngestOptions(format, threads, articles, bytes, stdin, compression);
  }

  /**
   * These options with a rebuild compressing stored text as {@code compression}.
   *
   * @param compression how {@link NewsIndex#rebuild} compresses the new index, or null to keep the
   *     old index's; an ingest into an existing index ignores it
   * @return a copy of these options with {@code compression}
   */
  public IngestOptions withCompression(Compression compression) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        compression);
  }

  /**
   * These options with {@code -} reading {@code stdin}.
   *
   * @param stdin the stream the input {@code -} reads; not closed by the run, never null
   * @return a copy of these options with {@code stdin}
   */
  public IngestOptions withStdin(InputStream stdin) {
    return new IngestOptions(format, threads, commitEveryArticles, commitEveryBytes, stdin,
        compression);
  }
}
