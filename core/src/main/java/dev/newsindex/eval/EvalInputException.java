package dev.newsindex.eval;

import dev.newsindex.InvalidRequestException;
import java.nio.file.Path;

/** A topics, qrels or run file that cannot be read as such; the message names file and line. */
public final class EvalInputException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * {@code file} is malformed at {@code line}.
   *
   * @param file the topics, qrels or run file
   * @param line the 1-based line of the problem; 0 for the whole file
   * @param reason what is wrong, in a few words
   */
  public EvalInputException(Path file, int line, String reason) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason);
  }
}
