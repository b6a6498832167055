package dev.newsindex.eval;

import dev.newsindex.InvalidRequestException;
import java.nio.file.Path;

/** A topics, qrels or run file that cannot be read as such; the message names file and line. */
public final class EvalInputException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /** {@code file} is malformed at {@code line} (1-based; 0 for the whole file). */
  public EvalInputException(Path file, int line, String reason) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason);
  }
}
