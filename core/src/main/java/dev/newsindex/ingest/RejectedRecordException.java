package dev.newsindex.ingest;

/**
 * A reader's signal that one record (a line, a document, a file) is no usable article: the reader
 * reports it to {@link ArticleHandler#rejected} with {@link #getMessage()} as the one-line reason
 * and goes on with the next record. Readers catch this type only, so any other exception thrown
 * while parsing (a bug) ends the run instead of passing for a skipped record.
 */
public final class RejectedRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A record rejected for {@code reason}.
   *
   * @param reason why, in one line, e.g. {@code no "id"}
   */
  public RejectedRecordException(String reason) {
    super(reason);
  }

  /**
   * A record rejected for {@code reason}, found by {@code cause}.
   *
   * @param reason why, in one line
   * @param cause the failure that revealed it, e.g. the JSON parser's
   */
  public RejectedRecordException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
