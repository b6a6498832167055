package dev.newsindex;

/**
 * How an opened index reads its files. Either way searches see the same articles and scores; the
 * difference is only speed, and which pays off depends on how long the index stays open.
 */
public enum FileAccess {
  /**
   * Memory-mapped files (Lucene's {@code MMapDirectory}), the default: the fastest reads for an
   * index that stays open and answers many searches (a server, an interactive shell).
   */
  MAPPED,
  /**
   * Positional reads into small buffers (Lucene's {@code NIOFSDirectory}): no mapping to set up,
   * which a new JVM pays for before its first read (the memory-mapping and native-access set-up of
   * the Panama API, and mapping every file), so a process that opens an index for one search
   * answers sooner. Each read is a system call, so a search reading much of a large index is slower
   * than with {@link #MAPPED} (on a large index a one-off search gives back part of what opening
   * gained); the command line's {@code search} opens indexes this way, its {@code shell} maps them.
   */
  READ
}
