package dev.newsindex;

/**
 * Thrown by a {@link NewsArchive} asked for something its backend cannot do (a method, or a part of
 * a request such as an explanation of scores); the message is one line naming what, and what to do
 * instead. A backend refuses rather than ignore a part of a request or answer something else.
 */
public final class UnsupportedRequestException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  /**
   * A refusal whose message says what cannot be done.
   *
   * @param message one line naming what this backend cannot do, e.g. {@code "the OpenSearch
   *     backend cannot explain scores; search without explain"}
   */
  public UnsupportedRequestException(String message) {
    super(message);
  }
}
