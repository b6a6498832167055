package dev.newsindex;

/**
 * Base of the unchecked exceptions newsindex throws for misuse or for an index it cannot use.
 * Each message is one line that says what to do. I/O failures stay checked {@link
 * java.io.IOException}s.
 */
public class NewsIndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a one-line, actionable message.
   *
   * @param message one line that says what is wrong and what to do
   */
  public NewsIndexException(String message) {
    super(message);
  }

  /**
   * An exception with a one-line, actionable message and the failure behind it.
   *
   * @param message one line that says what is wrong and what to do
   * @param cause the failure behind it
   */
  public NewsIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
