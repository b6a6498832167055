package dev.newsindex.opensearch;

import dev.newsindex.NewsIndexException;

/**
 * A cluster could not do what was asked: unreachable, refused the credentials, has no such index,
 * or answered with an error. The message is one line naming the cluster (never a password) and
 * what to do.
 */
public class ClusterException extends NewsIndexException {
  private static final long serialVersionUID = 1L;

  /** Why, as a kind callers may act on (a CLI chooses its exit code by it). */
  public enum Reason {
    /** No node could be reached, or none answered in time. */
    UNREACHABLE,
    /** The cluster refused the credentials (401, 403). */
    AUTHENTICATION,
    /** The index does not exist. */
    NO_INDEX,
    /** The index was made by another schema version or analysis, or not by newsindex. */
    INCOMPATIBLE,
    /** The cluster refused the request, or failed it. */
    REFUSED
  }

  private final Reason reason;

  /**
   * An exception of {@code reason} with a one-line message.
   *
   * @param reason the kind of failure
   * @param message one line saying what failed and what to do
   * @param cause the failure behind it, or null
   */
  public ClusterException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * The kind of failure.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
