package dev.newsindex;

/**
 * A request, option or argument value that newsindex refuses: out of range (a limit of 0), not one
 * of the choices (an unknown stemmer), or contradicting another part of the request (an offset
 * with a cursor). The message is one line that names the value and what is expected. It is an
 * {@link IllegalArgumentException}, so code that catches those keeps working; a front end catches
 * this type to tell a user's mistake from a bug (an {@code IllegalArgumentException} from anywhere
 * else).
 */
public class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A refused value.
   *
   * @param message one line naming the value and what is expected
   */
  public InvalidRequestException(String message) {
    super(message);
  }

  /**
   * A refused value, with the failure that revealed it.
   *
   * @param message one line naming the value and what is expected
   * @param cause the failure behind it, e.g. a parse error
   */
  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
