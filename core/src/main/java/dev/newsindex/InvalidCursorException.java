package dev.newsindex;

/**
 * A search cursor that cannot continue this search: not a cursor at all, or one made for another
 * query, filter or sort, or by an earlier version of the archive (a cursor is valid only until the
 * archive changes). Start again from the first page.
 */
public final class InvalidCursorException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * A cursor refused for the reason {@code message} gives.
   *
   * @param message one line saying why the cursor cannot be used and what to do
   */
  public InvalidCursorException(String message) {
    super(message);
  }
}
