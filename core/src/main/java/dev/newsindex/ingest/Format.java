package dev.newsindex.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The news formats newsindex reads, and how a file's format is recognised. */
public enum Format {
  /** The MENAFN text feed: see {@link MenafnTextReader}. */
  MENAFN("menafn", new MenafnTextReader()),
  /** JSON Lines, one article object per line: see {@link JsonLinesReader}. */
  JSONL("jsonl", new JsonLinesReader());

  private final String label;
  private final ArticleReader reader;

  Format(String label, ArticleReader reader) {
    this.label = label;
    this.reader = reader;
  }

  /**
   * The short name used on the command line.
   *
   * @return the label, e.g. {@code jsonl}
   */
  public String label() {
    return label;
  }

  /**
   * The reader for this format; readers are stateless and safe to share.
   *
   * @return the reader
   */
  public ArticleReader reader() {
    return reader;
  }

  /**
   * Recognises a file's format from its name and its first bytes: {@code .jsonl}/{@code .ndjson}
   * names, or content starting with <code>{</code>, are JSON Lines; content starting with the
   * {@code date YYYY-MM-DD (} header is the MENAFN text feed. Anything else is unknown.
   *
   * @param fileName the file's name
   * @param head the first bytes of the file (up to a few hundred)
   * @return the format, or empty when unknown
   */
  public static Optional<Format> detect(String fileName, byte[] head) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    if (start.startsWith("{")) {
      return Optional.of(JSONL);
    }
    if (MenafnTextReader.HEADER.matcher(start).lookingAt()) {
      return Optional.of(MENAFN);
    }
    return Optional.empty();
  }

  /**
   * A one-line description of the formats, for error messages.
   *
   * @return the description
   */
  public static String known() {
    return "MENAFN text (' date YYYY-MM-DD (SOURCE) ...') or JSON Lines (.jsonl)";
  }
}
