package dev.newsindex.ingest;

import dev.newsindex.Article;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MENAFN text feed: one article per file, laid out as
 *
 * <pre>
 *  date 2023-11-16 (MENAFN) First paragraph ...
 *
 * Second paragraph ...
 *
 * MENAFN16112023000045015687ID1107439109
 * </pre>
 *
 * <p>The header gives the date and, in parentheses, the source; the body follows on the same line.
 * The trailer is {@code MENAFN}, the date as {@code ddMMyyyy}, a serial number, {@code ID} and the
 * article id. The header date wins when the two dates disagree; the trailer's is used when the header
 * has none. The format has no headline: the title is derived from the body by {@link Titles}.
 * Paragraphs (separated by any number of blank lines) are kept, joined by one blank line.
 */
public final class MenafnTextReader implements ArticleReader {
  /** The header: optional white space, {@code date}, a date token, the source in parentheses. */
  static final Pattern HEADER = Pattern.compile("\\A\\s*date\\s+(\\S+)\\s+\\(([^)\\n]*)\\)[ \\t]*");

  private static final Pattern TRAILER =
      Pattern.compile("(?:\\A|\\n)[ \\t]*MENAFN(\\d{8})\\d*ID(\\w+)\\s*\\z");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\r]*(?:\\n[ \\t\\r]*)+");

  /** The largest file read: one article is a few kilobytes, this guards the heap. */
  static final int MAX_FILE_BYTES = 16 << 20;

  /** A reader; it keeps no state, so one instance may be shared. */
  public MenafnTextReader() {}

  @Override
  public void read(String name, InputStream in, ArticleHandler handler) throws IOException {
    Origin origin = Origin.of(name);
    byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    if (bytes.length > MAX_FILE_BYTES) {
      handler.rejected(origin, "larger than " + Text.bytes(MAX_FILE_BYTES) + ", too large for one"
          + " article; skipped");
      return;
    }
    String text;
    try {
      text = Text.decodeUtf8(bytes);
    } catch (Text.NotUtf8Exception e) {
      handler.rejected(origin, e.getMessage());
      return;
    }
    Article article;
    try {
      article = parse(text);
    } catch (RejectedRecordException e) {
      handler.rejected(origin, e.getMessage());
      return;
    }
    handler.article(article, origin);
  }

  /**
   * Parses one article from the text of a file.
   *
   * @param text the whole file as text: the header, the body and the trailer; LF, CRLF and lone CR
   *     line ends and a leading byte order mark are accepted
   * @return the article, its id from the trailer and its title derived from the body
   * @throws RejectedRecordException with a one-line reason when the text is not a valid article
   */
  public static Article parse(String text) {
    String s = text.replace("\r\n", "\n").replace('\r', '\n');
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    Matcher header = HEADER.matcher(s);
    if (!header.find()) {
      throw new RejectedRecordException("no ' date YYYY-MM-DD (SOURCE)' header at the start");
    }
    LocalDate date = parseHeaderDate(header.group(1));
    String source = header.group(2).strip();

    Matcher trailer = TRAILER.matcher(s);
    if (!trailer.find(header.end())) {
      throw new RejectedRecordException(
          "no MENAFN<ddMMyyyy><serial>ID<id> trailer with the article id at the end");
    }
    String id = trailer.group(2);
    if (date == null) {
      date = parseTrailerDate(trailer.group(1));
    }
    String body = paragraphs(s.substring(header.end(), trailer.start()));
    if (body.isEmpty()) {
      throw new RejectedRecordException("empty article: no text between header and trailer");
    }
    return new Article(id, Titles.derive(body), date, source, "", body);
  }

  private static LocalDate parseHeaderDate(String token) {
    return Dates.parseInRecord(token);
  }

  private static LocalDate parseTrailerDate(String ddMMyyyy) {
    String iso = ddMMyyyy.substring(4) + "-" + ddMMyyyy.substring(2, 4) + "-"
        + ddMMyyyy.substring(0, 2);
    return Dates.parseInRecord(iso);
  }

  /** The body's paragraphs, each trimmed, joined by exactly one blank line. */
  static String paragraphs(String body) {
    List<String> kept = new ArrayList<>();
    for (String p : PARAGRAPH_BREAK.split(body.strip())) {
      String trimmed = p.strip();
      if (!trimmed.isEmpty()) {
        kept.add(trimmed);
      }
    }
    return String.join("\n\n", kept);
  }
}
