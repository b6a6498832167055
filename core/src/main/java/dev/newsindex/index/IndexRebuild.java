package dev.newsindex.index;

import dev.newsindex.IndexLockedException;
import dev.newsindex.IndexSettings;
import dev.newsindex.ingest.IndexSource;
import dev.newsindex.InvalidRequestException;
import dev.newsindex.ingest.Ingest;
import dev.newsindex.ingest.IngestListener;
import dev.newsindex.ingest.IngestOptions;
import dev.newsindex.ingest.IngestStoppedException;
import dev.newsindex.ingest.IngestSummary;
import dev.newsindex.schema.NewsSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Builds a fresh index in the directory of an old one and switches over only at its single, final
 * commit: a writer opened with {@code CREATE} on the live directory writes new segments beside the
 * old ones, and every reader sees the old commit until this writer commits. If the rebuild fails
 * or the process dies, the old index stays as it was.
 */
public final class IndexRebuild {
  private IndexRebuild() {}

  /**
   * Rebuilds the index at {@code path} (created when absent) from {@code inputs}, with the old
   * index's settings as {@code change} makes them new.
   *
   * @throws IndexLockedException when another writer holds the index
   * @throws InvalidRequestException when no input was read (none found, or all empty); the old
   *     index is then kept (when input was read but every record was skipped, it is kept too, and
   *     the summary says so)
   * @throws IngestStoppedException when {@code listener} asked the rebuild to stop; the old index
   *     is then kept
   */
  public static IngestSummary run(Path path, List<Path> inputs, IngestOptions options,
      UnaryOperator<IndexSettings> change, IngestListener listener) throws IOException {
    Files.createDirectories(path);
    try (Directory dir = FSDirectory.open(path)) {
      return run(dir, path, inputs, options, change, listener);
    }
  }

  /**
   * Rebuilds the index in {@code dir} (shown as {@code path} in messages), as {@link #run(Path,
   * List, IngestOptions, UnaryOperator, IngestListener)} does; the caller keeps and closes {@code
   * dir}. For tests that inject faults into the directory.
   *
   * @throws IndexLockedException when another writer holds the index
   * @throws InvalidRequestException when no article was read; the old index is then kept
   * @throws IngestStoppedException when {@code listener} asked the rebuild to stop; the old index
   *     is then kept
   */
  public static IngestSummary run(Directory dir, Path path, List<Path> inputs,
      IngestOptions options, UnaryOperator<IndexSettings> change, IngestListener listener)
      throws IOException {
    List<Run> runs = List.of(new Run(inputs, options));
    return run(dir, path, runs, IndexSource.of(inputs, options), change, listener);
  }

  /**
   * Rebuilds the index at {@code path} from the sources its last commit records, each read with
   * its own format and id prefix over {@code options}.
   *
   * @throws InvalidRequestException when the index records no sources (or does not exist); it is
   *     then left as it was
   * @throws IndexLockedException when another writer holds the index
   * @throws IngestStoppedException when {@code listener} asked the rebuild to stop
   */
  public static IngestSummary runRecorded(Path path, IngestOptions options,
      UnaryOperator<IndexSettings> change, IngestListener listener) throws IOException {
    try (Directory dir = FSDirectory.open(path)) {
      List<IndexSource> sources = DirectoryReader.indexExists(dir)
          ? IndexSource.fromCommitData(SegmentInfos.readLatestCommit(dir).getUserData())
          : List.of();
      if (sources.isEmpty()) {
        throw new InvalidRequestException("the index at " + path + " has no recorded sources"
            + " to rebuild from; name them: newsindex rebuild --index " + path + " PATH...");
      }
      // Consecutive sources read the same way form one run.
      List<Run> runs = new ArrayList<>();
      List<Path> group = new ArrayList<>();
      IndexSource first = sources.get(0);
      for (IndexSource s : sources) {
        if (!Objects.equals(s.format(), first.format()) || !s.idPrefix().equals(first.idPrefix())) {
          runs.add(new Run(List.copyOf(group), first.options(options)));
          group.clear();
          first = s;
        }
        group.add(s.input());
      }
      runs.add(new Run(List.copyOf(group), first.options(options)));
      return run(dir, path, runs, sources, change, listener);
    }
  }

  /** The inputs of one pass of a rebuild, and how to read them. */
  private record Run(List<Path> inputs, IngestOptions options) {}

  private static IngestSummary run(Directory dir, Path path, List<Run> runs,
      List<IndexSource> sources, UnaryOperator<IndexSettings> change, IngestListener listener)
      throws IOException {
    long started = System.nanoTime();
    Map<String, String> old = DirectoryReader.indexExists(dir)
        ? SegmentInfos.readLatestCommit(dir).getUserData() : Map.of();
    // The settings carry over when the old index records ones this version knows.
    IndexSettings recorded = IndexSettings.DEFAULT;
    try {
      recorded = IndexSettings.fromCommitData(old);
    } catch (IllegalArgumentException unknown) {
      // an index of another schema: rebuild with the defaults
    }
    IndexSettings settings = Objects.requireNonNull(change.apply(recorded), "settings");
    IndexWriter writer;
    try {
      writer = new IndexWriter(dir, ArticleWriter.config(NewsSchema.analyzer(settings),
          IndexWriterConfig.OpenMode.CREATE, settings.compression()));
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(path, e);
    }
    boolean done = false;
    try (ArticleWriter articles = new ArticleWriter(writer, NewsSchema.commitData(settings))) {
      articles.recordSources(sources);
      IngestSummary run = new IngestSummary(0, 0, 0, 0, Duration.ZERO, 0);
      long read = 0;
      List<Path> inputs = new ArrayList<>();
      for (Run pass : runs) {
        inputs.addAll(pass.inputs());
        IngestSummary part;
        try {
          part = IngestJob.run(articles, Ingest.resolve(pass.inputs()), pass.options(), listener,
              articles::checkpoint, false);
        } catch (IngestStoppedException stopped) {
          // Rolled back below: the old index stays, as after a failure.
          throw new IngestStoppedException(read + stopped.read(), 0);
        }
        read += part.articles() + part.skipped();
        run = new IngestSummary(run.indexed() + part.indexed(), run.updated() + part.updated(),
            run.unchanged() + part.unchanged(), run.skipped() + part.skipped(), Duration.ZERO,
            run.bytesRead() + part.bytesRead());
      }
      if (run.articles() == 0 && run.skipped() > 0 && run.bytesRead() > 0) {
        // Everything read was skipped: the old index stays, the summary says why.
        return IngestJob.timed(run, started);
      }
      if (run.articles() == 0) {
        throw new InvalidRequestException("the rebuild read no articles from " + inputs
            + "; the index at " + path + " was left as it was");
      }
      articles.commit();
      listener.committed(run.articles());
      done = true;
      writer.close();
      return IngestJob.timed(run, started);
    } finally {
      if (!done) {
        writer.rollback();
      }
    }
  }
}
