package dev.newsindex.ingest;


/**
 * Hears about each article of an ingest run as it is handled; all methods default to nothing. Calls
 * never overlap (they are serialised), but may come from different threads.
 */
public interface IngestListener {

  /** Nothing to hear. */
  IngestListener NONE = new IngestListener() {};

  /**
   * The article with {@code id} from {@code origin} was written (or found unchanged).
   *
   * @param origin the file (and line) the article came from
   * @param id the article's id
   * @param outcome whether it was added, replaced or already there
   */
  default void written(Origin origin, String id, IndexOutcome outcome) {}

  /**
   * The article with {@code id} from {@code origin} replaced an article of another source: two
   * feeds share the id, and the earlier one's article is gone. Heard before {@link #written} with
   * {@link IndexOutcome#UPDATED} for the same article.
   *
   * @param origin the file (and line) the new article came from
   * @param id the shared id
   * @param previousSource the replaced article's source ({@code ""} when it had none)
   * @param source the new article's source ({@code ""} when it has none)
   */
  default void replacedOtherSource(Origin origin, String id, String previousSource,
      String source) {}

  /**
   * The record or file at {@code origin} was skipped for {@code reason} (one line).
   *
   * @param origin the file (and line) skipped
   * @param reason why, in one line
   */
  default void skipped(Origin origin, String reason) {}

  /**
   * How far the run has come: called a few times a second, and once at the end.
   *
   * @param progress the counts, bytes read and time elapsed so far
   */
  default void progress(IngestProgress progress) {}

  /**
   * Everything written so far was committed: a crash from now on loses none of it.
   *
   * @param articles the articles written (indexed, updated or found unchanged) so far in this run
   */
  default void committed(long articles) {}

  /**
   * Whether the run should stop now: polled before each article, from the reading thread. Once
   * this returns true the run reads no more and ends with {@link IngestStoppedException}: an
   * ingest after committing what it wrote, a rebuild after rolling back. For Ctrl-C and the like;
   * must be cheap (read a flag).
   *
   * @return true to stop the run; false (the default) to go on
   */
  default boolean stopRequested() {
    return false;
  }
}
