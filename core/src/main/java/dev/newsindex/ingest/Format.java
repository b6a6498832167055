package dev.newsindex.ingest;

import dev.newsindex.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The news formats newsindex reads, and how a file's format is recognised. */
public enum Format {
  /** The MENAFN text feed: see {@link MenafnTextReader}. */
  MENAFN("menafn", new MenafnTextReader()),
  /** JSON Lines, one article object per line: see {@link JsonLinesReader}. */
  JSONL("jsonl", new JsonLinesReader()),
  /** TREC SGML, many {@code <DOC>} elements per file: see {@link TrecReader}. */
  TREC("trec", new TrecReader()),
  /** RSS and Atom feeds, one article per item or entry: see {@link FeedReader}. */
  FEED("feed", new FeedReader()),
  /** Saved HTML article pages, one article per file: see {@link HtmlReader}. */
  HTML("html", new HtmlReader()),
  /** WARC web crawls, one article per HTML page captured: see {@link WarcReader}. */
  WARC("warc", new WarcReader());

  /** Other names {@link #of} accepts. */
  private static final Map<String, String> ALIASES = Map.of("rss", "feed", "atom", "feed",
      "htm", "html", "sgml", "trec", "ndjson", "jsonl", "json", "jsonl", "text", "menafn");

  /** The first element of XML or HTML: after any prolog, comments and DOCTYPE. */
  private static final Pattern FIRST_ELEMENT = Pattern.compile(
      "\\A(?:\\s+|<\\?[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?])?\\s*>)*<([A-Za-z][\\w:.-]*)",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private final String label;
  private final ArticleReader reader;

  Format(String label, ArticleReader reader) {
    this.label = label;
    this.reader = reader;
  }

  /**
   * The short name used on the command line.
   *
   * @return {@code menafn}, {@code jsonl}, {@code trec}, {@code feed}, {@code html} or {@code warc}
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
   * Recognises a file's format from its name and its first bytes (after decompression). By name:
   * {@code .jsonl}/{@code .ndjson} are JSON Lines; {@code .sgml}/{@code .sgm}/{@code .trec} TREC
   * SGML; {@code .rss}/{@code .atom} feeds. By content: <code>{</code> starts JSON Lines, {@code
   * <DOC>} TREC SGML, the {@code date YYYY-MM-DD (} header the MENAFN text feed; XML whose first
   * element is {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>} is a feed (so an {@code .xml}
   * feed is found too); a page starting {@code <!DOCTYPE html>}, {@code <html>}, {@code <head>} or
 * {@code <body>} is HTML, as are {@code .html}/{@code .htm} names; {@code WARC/1.0} (or 1.1)
 * starts a WARC file, as does a {@code .warc} name. A {@code .gz} suffix is ignored. Anything else
 * is unknown.
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
    if (name.endsWith(".rss") || name.endsWith(".atom")) {
      return Optional.of(FEED);
    }
    if (name.endsWith(".warc")) {
      return Optional.of(WARC);
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")
        || name.endsWith(".shtml")) {
      return Optional.of(HTML);
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
    if (start.startsWith("WARC/1.")) {
      return Optional.of(WARC);
    }
    Matcher element = FIRST_ELEMENT.matcher(start);
    if (element.lookingAt()) {
      String root = element.group(1).toLowerCase(Locale.ROOT);
      if (root.equals("rss") || root.equals("feed") || root.equals("rdf:rdf")) {
        return Optional.of(FEED);
      }
      if (root.equals("html") || root.equals("head") || root.equals("body")
          || root.equals("meta")) {
        return Optional.of(HTML);
      }
    }
    if (start.regionMatches(true, 0, "<!doctype html", 0, 14)) {
      return Optional.of(HTML);
    }
    return Optional.empty();
  }

  /**
   * The format with {@code label} ({@code menafn}, {@code jsonl}, {@code trec}, {@code feed},
   * {@code html}, {@code warc}), any case; {@code rss} and {@code atom} name the feed format too.
   *
   * @param label a format's {@link #label()}, or another usual name for it, in any case;
   *     surrounding white space is ignored
   * @return the format with that label
   * @throws InvalidRequestException when no format has that label (the message lists them)
   */
  public static Format of(String label) {
    String wanted = label.strip().toLowerCase(Locale.ROOT);
    wanted = ALIASES.getOrDefault(wanted, wanted);
    for (Format f : values()) {
      if (f.label.equals(wanted)) {
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
    return "MENAFN text (' date YYYY-MM-DD (SOURCE) ...'), JSON Lines (.jsonl), TREC SGML"
        + " ('<DOC>...'), an RSS/Atom feed ('<rss>', '<feed>'), an HTML page (.html) or a WARC"
        + " crawl (.warc, .warc.gz); name one with --format";
  }
}
