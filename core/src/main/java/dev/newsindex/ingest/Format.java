package dev.newsindex.ingest;

import dev.newsindex.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The news formats newsindex reads, and how a file's format is recognised. */
public enum Format {
  /** The MENAFN text feed: see {@link MenafnTextReader}. */
  MENAFN("menafn", new MenafnTextReader()),
  /** JSON Lines, one article object per line: see {@link JsonLinesReader}. */
  JSONL("jsonl", new JsonLinesReader()),
  /** TREC SGML, many {@code <DOC>} elements per file: see {@link TrecReader}. */
  TREC("trec", new TrecReader());

  private final String label;
  private final ArticleReader reader;

  Format(String label, ArticleReader reader) {
    this.label = label;
    this.reader = reader;
  }

  /**
   * The short name used on the command line.
   *
   * @return {@code menafn}, {@code jsonl} or {@code trec}
   */
  public String label() {
    return label;
  }

  /**
   * The reader for this format; readers are stateless and safe to share.
   *
   * @return the one reader instance of this format, usable from any number of threads
   */
  public ArticleReader reader() {
    return reader;
  }

  /**
   * Recognises a file's format from its name and its first bytes (after decompression): {@code
   * .jsonl}/{@code .ndjson} names, or content starting with <code>{</code>, are JSON Lines; {@code
   * .sgml}/{@code .sgm}/{@code .trec} names, or content starting with {@code <DOC>}, are TREC SGML;
   * content starting with the {@code date YYYY-MM-DD (} header is the MENAFN text feed. A {@code
   * .gz} suffix is ignored. Anything else is unknown.
   *
   * @param fileName the file's name or path; only its ending is looked at, in any case
   * @param head the first bytes of the content, decompressed (a few hundred suffice; a leading
   *     byte order mark and white space are skipped); may be empty
   * @return the format, or empty when neither the name nor the content tells
   */
  public static Optional<Format> detect(String fileName, byte[] head) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".sgml") || name.endsWith(".sgm") || name.endsWith(".trec")) {
      return Optional.of(TREC);
    }
    String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    if (start.startsWith("{")) {
      return Optional.of(JSONL);
    }
    if (start.startsWith("<DOC>") || start.startsWith("<doc>")) {
      return Optional.of(TREC);
    }
    if (MenafnTextReader.HEADER.matcher(start).lookingAt()) {
      return Optional.of(MENAFN);
    }
    return Optional.empty();
  }

  /**
   * The format with {@code label} ({@code menafn}, {@code jsonl}, {@code trec}), any case.
   *
   * @param label a format's {@link #label()} in any case; surrounding white space is ignored
   * @return the format with that label
   * @throws InvalidRequestException when no format has that label (the message lists them)
   */
  public static Format of(String label) {
    for (Format f : values()) {
      if (f.label.equalsIgnoreCase(label.strip())) {
        return f;
      }
    }
    throw new InvalidRequestException("unknown format '" + label + "': expected one of "
        + java.util.Arrays.stream(values()).map(Format::label).toList());
  }

  /**
   * A one-line description of the formats, for error messages.
   *
   * @return how each format starts, and that {@code --format} names one
   */
  public static String known() {
    return "MENAFN text (' date YYYY-MM-DD (SOURCE) ...'), JSON Lines (.jsonl) or TREC SGML"
        + " ('<DOC>...'); name one with --format";
  }
}
